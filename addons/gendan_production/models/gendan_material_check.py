from collections import defaultdict
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_base.engine import transition


class GendanMaterialCheck(models.Model):
    """Material arrival check (物料到货确认) of a task order.

    Due 3 working days after the BOMs are controlled. One line per component,
    pre-filled from the on-hand stock and the open purchase order lines.
    """

    _name = "gendan.material.check"
    _description = "Material Arrival Check"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.sla.mixin"]
    _order = "id desc"

    _sla_start_field = "date_bom_controlled"
    _sla_working_days = 3
    _sla_done_states = ["confirmed", "cancel"]
    _sla_responsible_field = "merchandiser_id"
    _state_button_fields = ("confirmed_by_id", "confirmed_date")

    name = fields.Char(compute="_compute_name", store=True)
    task_order_id = fields.Many2one("gendan.task.order", required=True,
                                    ondelete="cascade", index=True,
                                    readonly=True)
    sale_order_id = fields.Many2one(related="task_order_id.sale_order_id",
                                    store=True, readonly=True)
    merchandiser_id = fields.Many2one(related="task_order_id.merchandiser_id",
                                      store=True, readonly=True)
    company_id = fields.Many2one(related="task_order_id.company_id", store=True,
                                 readonly=True)
    date_bom_controlled = fields.Date("BOM Controlled On", readonly=True)
    date_required = fields.Date(
        "Materials Needed By", required=True,
        states={"confirmed": [("readonly", True)]})
    state = fields.Selection(
        [("draft", "To Check"), ("confirmed", "Confirmed"), ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, track_visibility="onchange")
    line_ids = fields.One2many("gendan.material.check.line", "check_id",
                               "Components",
                               states={"confirmed": [("readonly", True)]})
    confirmed_by_id = fields.Many2one("res.users", readonly=True)
    confirmed_date = fields.Datetime("Confirmed On", readonly=True)
    is_material_risk = fields.Boolean(
        "Material Risk", compute="_compute_is_material_risk", store=True,
        track_visibility="onchange")
    risk_count = fields.Integer("Components at Risk",
                                compute="_compute_is_material_risk", store=True)

    @api.depends("task_order_id.name")
    def _compute_name(self):
        for check in self:
            check.name = _("Materials %s") % (check.task_order_id.name or "")

    @api.depends("line_ids.risk")
    def _compute_is_material_risk(self):
        for check in self:
            risky = check.line_ids.filtered(lambda ln: ln.risk != "ok")
            check.risk_count = len(risky)
            check.is_material_risk = bool(risky)

    @api.model
    def create(self, vals):
        task = self.env["gendan.task.order"].browse(vals.get("task_order_id"))
        if task.state not in ("approved", "production"):
            raise UserError(_("The material check starts once the task order is "
                              "approved."))
        boms = task.line_ids.mapped("bom_id")
        dates = [d for d in boms.mapped("controlled_date") if d]
        vals.setdefault("date_bom_controlled", dates and max(dates)[:10] or False)
        vals.setdefault("date_required", task.date_production_start
                        or task.date_deadline)
        if "line_ids" not in vals:
            vals["line_ids"] = [(0, 0, line) for line in
                                self._prepare_line_vals(task, vals["date_required"])]
        return super(GendanMaterialCheck, self).create(vals)

    @api.multi
    def write(self, vals):
        if self.filtered(lambda c: c.state == "confirmed") and set(vals) - {
                "state", "message_follower_ids", "activity_ids", "sla_deadline"}:
            raise UserError(_("A confirmed material check cannot be changed."))
        return super(GendanMaterialCheck, self).write(vals)

    # -- actions ----------------------------------------------------------------

    @api.multi
    @transition(["draft"], "confirmed", groups=["gendan_base.group_merchandiser"])
    def action_confirm(self):
        """The merchandiser confirms; the VP role gets the report."""
        self.write({"state": "confirmed", "confirmed_by_id": self.env.user.id,
                    "confirmed_date": fields.Datetime.now()})
        self._notify_vp()
        return True

    @api.multi
    @transition(["draft"], "cancel")
    def action_cancel(self):
        return self.write({"state": "cancel"})

    @api.model
    def _demo_set_missing_eta(self, task_id, days, remark):
        """Demo data only: the merchandiser fills the unknown ETAs."""
        lines = self.env["gendan.material.check.line"].search([
            ("check_id.task_order_id", "=", task_id), ("eta_date", "=", False)])
        eta = fields.Date.from_string(fields.Date.context_today(self)) + timedelta(
            days=days)
        lines.sudo(self.env.ref("gendan_base.user_merchandiser_demo")).write(
            {"eta_date": fields.Date.to_string(eta), "remark": remark})
        return True

    def _notify_vp(self):
        users = self.env.ref("gendan_base.group_general_manager").sudo().users
        for check in self:
            check.message_post(body=check._risk_summary(), partner_ids=users.mapped(
                "partner_id").ids, subtype="mail.mt_note")
        self.env["mail.activity"]._todo_ensure(
            self, "material_risk", users, lambda self: self._risk_summary())

    def _risk_summary(self):
        """What the general manager is told, in the language of ``self``."""
        return _("Material check %(name)s: %(count)d component(s) at risk") % {
            "name": self.task_order_id.name, "count": self.risk_count}

    # -- supply (batched: the query count does not grow with components) --------

    @api.model
    def _prepare_line_vals(self, task, date_required):
        """Component lines of ``task`` with their suggested arrival dates."""
        needs = self._component_needs(task)
        supply = self._component_supply(list(needs))
        vals_list = []
        for product_id, qty in needs.items():
            info = supply[product_id]
            vals = {"product_id": product_id, "required_qty": qty}
            vals.update(info)
            vals["eta_date"] = self._suggest_eta(qty, info, date_required)
            vals_list.append(vals)
        return vals_list

    @api.model
    def _component_needs(self, task):
        """{product id: quantity} of the components of the task order's BOMs."""
        needs = defaultdict(float)
        for line in task.line_ids.filtered("bom_id"):
            bom = line.bom_id
            factor = line.product_qty / (bom.product_qty or 1.0)
            for bom_line in bom.bom_line_ids:
                needs[bom_line.product_id.id] += bom_line.product_qty * factor
        return needs

    @api.model
    def _component_supply(self, product_ids):
        """On-hand and open purchases of the products, in two queries."""
        supply = {pid: {"onhand_qty": 0.0, "po_qty": 0.0, "po_date": False,
                        "purchase_line_id": False} for pid in product_ids}
        if not product_ids:
            return supply
        quants = self.env["stock.quant"].sudo().read_group(
            [("product_id", "in", product_ids), ("location_id.usage", "=", "internal")],
            ["product_id", "quantity"], ["product_id"])
        for group in quants:
            supply[group["product_id"][0]]["onhand_qty"] = group["quantity"]
        self.env.cr.execute("""
            SELECT pol.product_id, pol.id, pol.date_planned,
                   pol.product_qty - pol.qty_received
              FROM purchase_order_line pol
              JOIN purchase_order po ON po.id = pol.order_id
             WHERE pol.product_id IN %s AND po.state IN ('purchase', 'done')
               AND pol.qty_received < pol.product_qty
          ORDER BY pol.date_planned, pol.id
        """, (tuple(product_ids),))
        for product_id, line_id, date_planned, open_qty in self.env.cr.fetchall():
            info = supply[product_id]
            info["po_qty"] += open_qty
            if not info["po_date"]:
                info["po_date"] = str(date_planned)[:10]
                info["purchase_line_id"] = line_id
        return supply

    @api.model
    def _suggest_eta(self, qty, info, date_required):
        """Today when in stock, else the open PO date, else unknown."""
        if info["onhand_qty"] >= qty:
            return fields.Date.context_today(self)
        if info["onhand_qty"] + info["po_qty"] >= qty:
            return info["po_date"]
        return False
