from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_base.engine import transition

LOCKED_FIELDS = {"bom_line_ids", "product_tmpl_id", "product_id", "product_qty",
                 "product_uom_id", "type", "routing_id", "code", "revision",
                 "effective_date"}


class MrpBom(models.Model):
    """Controlled BOM revisions (受控 BOM).

    Engineering confirms a draft BOM: it becomes a numbered controlled
    revision, supersedes the previous controlled one of the product, and its
    controlled copies are distributed. A controlled BOM is frozen: changes are
    made on a new revision.
    """

    _name = "mrp.bom"
    _inherit = ["mrp.bom", "gendan.state.machine", "gendan.sla.mixin",
                "gendan.distribution.mixin"]

    _sla_start_field = "gendan_order_date"
    _sla_working_days = 2
    _sla_state_field = "control_state"
    _sla_done_states = ["controlled", "superseded"]
    _sla_responsible_field = "engineer_id"
    _distribution_list_xmlid = "gendan_production.distribution_list_bom"
    _distribution_live_states = ("controlled",)
    _distribution_void_states = ("superseded",)
    _distribution_revision_field = "revision"
    _state_field = "control_state"
    _state_button_fields = ("revision", "controlled_by_id", "controlled_date",
                            "superseded_by_id")

    control_state = fields.Selection(
        [("draft", "Draft"), ("controlled", "Controlled"),
         ("superseded", "Superseded")],
        "Control Status", default="draft", required=True, readonly=True,
        copy=False, index=True, track_visibility="onchange")
    revision = fields.Integer(readonly=True, copy=False,
                              track_visibility="onchange")
    effective_date = fields.Date(copy=False, track_visibility="onchange")
    controlled_by_id = fields.Many2one("res.users", "Confirmed By", readonly=True,
                                       copy=False)
    controlled_date = fields.Datetime("Confirmed On", readonly=True, copy=False)
    previous_bom_id = fields.Many2one("mrp.bom", "Previous Revision",
                                      readonly=True, copy=False)
    superseded_by_id = fields.Many2one("mrp.bom", readonly=True,
                                       copy=False)
    gendan_sale_order_id = fields.Many2one(
        "sale.order", "For Order", copy=False,
        help="The order this BOM is engineered for: engineering confirms it "
             "within 2 working days of the order.")
    gendan_order_date = fields.Date(
        "Order Date", compute="_compute_gendan_order_date", store=True)
    engineer_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    revision_note = fields.Text("Revision Notes")

    @api.depends("gendan_sale_order_id.confirmation_date")
    def _compute_gendan_order_date(self):
        for bom in self:
            date = bom.gendan_sale_order_id.confirmation_date
            bom.gendan_order_date = date and date[:10]

    @api.multi
    def write(self, vals):
        frozen = self.filtered(lambda b: b.control_state != "draft")
        if frozen and LOCKED_FIELDS & set(vals):
            raise UserError(_(
                "BOM %s is a controlled revision and cannot be edited: create a "
                "new revision.") % ", ".join(frozen.mapped("display_name")))
        return super(MrpBom, self).write(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda b: b.control_state != "draft"):
            raise UserError(_("A controlled BOM revision cannot be deleted; it is "
                              "superseded by the next revision."))
        return super(MrpBom, self).unlink()

    @api.multi
    @transition(["draft"], "controlled", groups=["gendan_base.group_engineering"])
    def action_control(self):
        """Engineering confirms: number the revision, supersede, distribute."""
        if self.filtered(lambda b: not b.bom_line_ids):
            raise UserError(_("A BOM without components cannot be controlled."))
        today = fields.Date.context_today(self)
        for bom in self:
            previous = bom._previous_controlled()
            bom.write({
                "control_state": "controlled",
                "revision": max(previous.mapped("revision") + [
                    bom.previous_bom_id.revision]) + 1,
                "effective_date": bom.effective_date or today,
                "controlled_by_id": self.env.user.id,
                "controlled_date": fields.Datetime.now(),
            })
            if previous:
                previous._supersede(bom)
        self.action_distribute()
        return True

    @api.multi
    def action_new_revision(self):
        """Copy the controlled BOM into a draft of the next revision."""
        self.ensure_one()
        if self.control_state != "controlled":
            raise UserError(_("A new revision is made from the controlled BOM."))
        draft = self.copy({"previous_bom_id": self.id,
                           "engineer_id": self.env.user.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "mrp.bom",
            "res_id": draft.id,
            "view_mode": "form",
        }

    def _previous_controlled(self):
        self.ensure_one()
        domain = [("control_state", "=", "controlled"), ("id", "!=", self.id),
                  ("product_tmpl_id", "=", self.product_tmpl_id.id),
                  ("product_id", "=", self.product_id.id)]
        return self.search(domain)

    @transition(["controlled"], "superseded")
    def _supersede(self, new_bom):
        """Retire the old revisions: inactive for MRP, copies recalled."""
        for bom in self:
            bom.message_post(body=_("Superseded by revision %s.") % new_bom.revision)
        self.write({"control_state": "superseded", "superseded_by_id": new_bom.id,
                    "active": False})
        self._distribution_recall()
        self._gendan_flag_task_orders(new_bom)

    def _gendan_flag_task_orders(self, new_bom):
        """Task orders approved on a superseded revision: the merchandiser
        gets a to-do to move them to the new one (a change notice that asks
        for their re-approval)."""
        lines = self.env["gendan.task.order.line"].sudo().search([
            ("bom_id", "in", self.ids),
            ("task_order_id.state", "in", ("pending", "approved", "production"))])
        tasks = lines.mapped("task_order_id")
        for task in tasks:
            task.message_post(body=_(
                "BOM %(old)s was superseded by revision %(rev)s: change the "
                "lines to the new revision (change notice and re-approval).") % {
                    "old": ", ".join(lines.filtered(
                        lambda ln, t=task: ln.task_order_id == t).mapped(
                            "bom_id.display_name")),
                    "rev": new_bom.revision})
        self.env["mail.activity"]._todo_ensure(
            tasks, "bom_revision", lambda t: t.merchandiser_id,
            lambda self: _("%(task)s: BOM revised to revision %(rev)s, issue a "
                           "change notice") % {"task": self.name,
                                               "rev": new_bom.revision})
