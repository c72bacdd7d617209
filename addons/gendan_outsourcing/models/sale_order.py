from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_order.models.sale_order import milestone_fields

MILESTONES = ("outsource_signed", "outsource_confirmed", "outsource_produced",
              "outsource_qa", "outsource_delivered")
SIGN_DAYS = 2      # working days from the list's order date to sign it off
CONFIRM_DAYS = 3   # working days from the order date to the factory's reply
COMPUTE = "_compute_gendan_outsourcing_milestones"


class SaleOrder(models.Model):
    """Outsourced production on the order's cockpit and T&A line."""

    _inherit = "sale.order"

    gendan_outsourcing_ids = fields.One2many(
        "gendan.outsourcing.order", "sale_order_id", "Outsourcing Lists",
        readonly=True)
    gendan_packaging_spec_ids = fields.One2many(
        "gendan.packaging.spec", "sale_order_id", "Packaging Specifications",
        readonly=True)
    gendan_outsourcing_count = fields.Integer(
        "Number of Outsourcing Lists", compute="_compute_gendan_outsourcing_count")
    gendan_packaging_spec_count = fields.Integer(
        "Number of Packaging Specifications",
        compute="_compute_gendan_outsourcing_count")
    (milestone_outsource_signed_state,
     milestone_outsource_signed_date) = milestone_fields(
        "Outsourcing List Signed", "Outsourcing List Signed On", COMPUTE)
    (milestone_outsource_confirmed_state,
     milestone_outsource_confirmed_date) = milestone_fields(
        "Factory Confirmed", "Factory Confirmed On", COMPUTE)
    (milestone_outsource_produced_state,
     milestone_outsource_produced_date) = milestone_fields(
        "Factory Production", "Factory Production Finished On", COMPUTE)
    (milestone_outsource_qa_state,
     milestone_outsource_qa_date) = milestone_fields(
        "Outsourced Goods QA", "Outsourced Goods QA On", COMPUTE)
    (milestone_outsource_delivered_state,
     milestone_outsource_delivered_date) = milestone_fields(
        "Factory Delivered", "Factory Delivered On", COMPUTE)

    def _compute_gendan_outsourcing_count(self):
        specs = self._gendan_count_by_order("gendan.packaging.spec", "sale_order_id")
        for order in self:
            order.gendan_outsourcing_count = len(order.sudo().gendan_outsourcing_ids)
            order.gendan_packaging_spec_count = specs.get(order.id, 0)

    # -- milestones -----------------------------------------------------------

    @api.depends(
        "state", "gendan_outsourcing_ids.state",
        "gendan_outsourcing_ids.date_order",
        "gendan_outsourcing_ids.date_delivery",
        "gendan_outsourcing_ids.date_approved",
        "gendan_outsourcing_ids.date_factory_confirmed",
        "gendan_outsourcing_ids.date_factory_finish",
        "gendan_outsourcing_ids.date_factory_finished",
        "gendan_outsourcing_ids.purchase_id.picking_ids.state",
        "gendan_outsourcing_ids.purchase_id.order_line.qty_received")
    def _compute_gendan_outsourcing_milestones(self):
        for order in self:
            lists = order.gendan_outsourcing_ids.filtered(
                lambda rec: rec.state != "cancel")
            values = {}
            for name in MILESTONES:
                values["milestone_%s_state" % name] = "na"
                values["milestone_%s_date" % name] = False
            if lists and order.state in ("sale", "done"):
                values.update(order._gendan_outsourcing_values(lists))
            order.update(values)

    def _gendan_outsourcing_values(self, lists):
        """State and date of each outsourced milestone over the order's lists
        (done when every list is; the earliest open deadline otherwise)."""
        sla = self.env["gendan.sla"]
        vals = {}

        def due(rec, days):
            return fields.Date.to_string(sla.add_working_days(
                fields.Date.from_string(rec.date_order), days, self.company_id))

        steps = {
            "outsource_signed": lambda rec: (
                rec.date_approved and rec.date_approved[:10], due(rec, SIGN_DAYS)),
            "outsource_confirmed": lambda rec: (
                rec.date_factory_confirmed, due(rec, CONFIRM_DAYS)),
            "outsource_produced": lambda rec: (
                rec.date_factory_finished,
                rec.date_factory_finish or rec.date_delivery),
            "outsource_qa": lambda rec: (rec.date_qa_passed, rec.date_delivery),
            "outsource_delivered": lambda rec: (
                rec.date_received, rec.date_delivery),
        }
        for name, step in steps.items():
            pairs = [step(rec) for rec in lists]
            done = all(done_date for done_date, _due in pairs)
            open_dues = [d for done_date, d in pairs if not done_date and d]
            done_dates = [d for d, _due in pairs if d]
            state, date = self._milestone_from(
                done, open_dues and min(open_dues) or False,
                done and max(done_dates))
            vals["milestone_%s_state" % name] = state
            vals["milestone_%s_date" % name] = date
        if any(rec.is_late_factory for rec in lists) and \
                vals["milestone_outsource_produced_state"] == "todo":
            vals["milestone_outsource_produced_state"] = "late"
        return vals

    @api.depends(*["milestone_%s_%s" % (name, kind) for name in MILESTONES
                   for kind in ("state", "date")])
    def _compute_cockpit_summary(self):
        return super(SaleOrder, self)._compute_cockpit_summary()

    @api.model
    def _tna_plan(self):
        plan = super(SaleOrder, self)._tna_plan()
        plan.update({
            "outsource_signed": (55, "merchandiser", "merchandiser_id"),
            "outsource_confirmed": (65, "purchasing", "merchandiser_id"),
            "outsource_produced": (91, "purchasing", "merchandiser_id"),
            "outsource_qa": (95, "qa", "merchandiser_id"),
            "outsource_delivered": (97, "warehouse", "merchandiser_id"),
        })
        return plan

    def _tna_open_outsourcing(self):
        return self.gendan_outsourcing_ids and self.action_gendan_view_outsourcing()

    _tna_open_outsource_signed = _tna_open_outsourcing
    _tna_open_outsource_confirmed = _tna_open_outsourcing
    _tna_open_outsource_produced = _tna_open_outsourcing

    def _tna_open_outsource_qa(self):
        receipts = self.sudo().gendan_outsourcing_ids.mapped("receipt_ids")
        return receipts and self._gendan_open_records(
            receipts.with_env(self.env), _("Receipts"))

    _tna_open_outsource_delivered = _tna_open_outsource_qa

    # -- risk -------------------------------------------------------------------

    @api.depends("gendan_outsourcing_ids.date_factory_finish",
                 "gendan_outsourcing_ids.date_delivery",
                 "gendan_outsourcing_ids.state")
    def _compute_risk(self):
        return super(SaleOrder, self)._compute_risk()

    def _gendan_risks(self):
        risks = super(SaleOrder, self)._gendan_risks()
        late = self.gendan_outsourcing_ids.filtered(
            lambda rec: rec.state in ("confirmed", "produced")
            and rec.is_late_factory)
        if late:
            risks.append(("outsourcing", _(
                "The outside factory finishes after the delivery date: %s.")
                % ", ".join("%s (%s > %s)" % (
                    rec.partner_id.name, rec.date_factory_finish,
                    rec.date_delivery) for rec in late)))
        return risks

    # -- documents ------------------------------------------------------------------

    @api.multi
    def action_gendan_view_outsourcing(self):
        self.ensure_one()
        return self._gendan_open_records(
            self.gendan_outsourcing_ids, _("Outsourcing Lists"))

    @api.multi
    def action_gendan_view_packaging_specs(self):
        self.ensure_one()
        return {"type": "ir.actions.act_window", "res_model": "gendan.packaging.spec",
                "name": _("Packaging Specifications"), "view_mode": "tree,form",
                "views": [(False, "tree"), (False, "form")],
                "domain": [("sale_order_id", "=", self.id)],
                "context": {"default_sale_order_id": self.id}}

    @api.multi
    def action_gendan_create_outsourcing(self):
        """Draft one outsourcing list (and its purchase order) per factory
        for the order's products made outside not listed yet."""
        self.ensure_one()
        if not self.env.user.has_group("gendan_base.group_merchandiser"):
            raise UserError(_("The outsourcing list is drafted by the "
                              "merchandiser."))
        if self.state not in ("sale", "done"):
            raise UserError(_("%s: outsourcing lists are made from a confirmed "
                              "order.") % self.name)
        by_factory = self._gendan_outsourced_lines()
        if not by_factory:
            raise UserError(_(
                "%s has no product made outside left to order (mark the product "
                "as made by an outside factory, or give it the Buy route, with "
                "the factory as its vendor).") % self.name)
        lists = self.env["gendan.outsourcing.order"]
        for factory, lines in by_factory.items():
            lists |= self._gendan_create_outsourcing(factory, lines)
        return self._gendan_open_records(lists, _("Outsourcing Lists"))

    def _gendan_outsourced_lines(self):
        """{factory: sale lines} of the products made outside, not yet on a
        live outsourcing list."""
        listed = self.sudo().gendan_outsourcing_ids.filtered(
            lambda rec: rec.state != "cancel").mapped(
                "purchase_id.order_line.gendan_sale_line_id")
        result = {}
        for line in self.order_line - listed:
            product = line.product_id
            if not product or not product.product_tmpl_id._gendan_is_outsourced():
                continue
            factory = product.seller_ids[:1].name
            if not factory:
                raise UserError(_("%s is made outside but has no vendor (the "
                                  "factory): purchasing adds it on the product.")
                                % product.display_name)
            result.setdefault(factory, self.env["sale.order.line"])
            result[factory] |= line
        return result

    def _gendan_create_outsourcing(self, factory, lines):
        """The purchase order to ``factory`` and its outsourcing list. The
        merchandiser drafts it; purchasing owns the order (prices)."""
        delivery = self.promised_date or self.commitment_date or \
            fields.Date.context_today(self)
        purchase = self.env["purchase.order"].sudo().create({
            "partner_id": factory.id,
            "company_id": self.company_id.id,
            "origin": self.name,
            "partner_ref": self.name,
            "gendan_sale_order_id": self.id,
        })
        planned = "%s 08:00:00" % delivery[:10]
        for line in lines:
            self.env["purchase.order.line"].sudo().create(
                self._gendan_purchase_line_vals(purchase, line, planned))
        outsourcing = self.env["gendan.outsourcing.order"].create({
            "purchase_id": purchase.id,
            "sale_order_id": self.id,
            "date_delivery": delivery[:10],
            "packing_requirement": self._gendan_packing_summary(),
        })
        outsourcing.action_load_bom_materials()
        return outsourcing

    def _gendan_purchase_line_vals(self, purchase, line, planned):
        product = line.product_id
        seller = product._select_seller(
            partner_id=purchase.partner_id, quantity=line.product_uom_qty,
            date=purchase.date_order and purchase.date_order[:10],
            uom_id=line.product_uom)
        name = product.display_name
        if product.description_purchase:
            name += "\n" + product.description_purchase
        return {
            "order_id": purchase.id,
            "gendan_sale_line_id": line.id,
            "product_id": product.id,
            "name": name,
            "product_qty": line.product_uom_qty,
            "product_uom": line.product_uom.id,
            "price_unit": seller.price or 0.0,
            "date_planned": planned,
            "gendan_material": product.gendan_material,
            "gendan_finish": product.gendan_finish,
            "taxes_id": [(6, 0, product.supplier_taxes_id.filtered(
                lambda tax: tax.company_id == purchase.company_id).ids)],
        }

    def _gendan_packing_summary(self):
        """The packing items of the customer requirement pack, one a line."""
        items = self.sudo().requirement_item_ids.filtered("is_current")
        return "\n".join("%s: %s" % (item._fields["item_type"].convert_to_export(
            item.item_type, item), item.name) for item in items) or False
