from odoo import _, api, fields, models
from odoo.exceptions import UserError

CONFIRMED_STATES = ("to approve", "purchase", "done")


class PurchaseOrder(models.Model):
    """An outsourcing or packaging purchase order waits for its document:
    the signed outsourcing list, the released packaging specification."""

    _inherit = "purchase.order"

    gendan_outsourcing_ids = fields.One2many(
        "gendan.outsourcing.order", "purchase_id", "Outsourcing List",
        readonly=True)
    gendan_packaging_spec_ids = fields.One2many(
        "gendan.packaging.spec", "purchase_id", "Packaging Specifications",
        readonly=True)
    gendan_sale_order_id = fields.Many2one(
        "sale.order", "Customer Order", index=True, readonly=True, copy=False,
        help="The customer order this outsourcing or packaging order serves.")

    @api.multi
    def button_confirm(self):
        self._gendan_check_confirm_allowed()
        return super(PurchaseOrder, self).button_confirm()

    @api.multi
    def write(self, vals):
        if vals.get("state") in CONFIRMED_STATES:
            self.filtered(lambda po: po.state not in CONFIRMED_STATES
                          )._gendan_check_confirm_allowed()
        return super(PurchaseOrder, self).write(vals)

    def _gendan_check_confirm_allowed(self):
        """Refuse (translated) the confirmation of an order whose outsourcing
        list is not signed off or whose packaging specification is not
        released to the subcontractor."""
        for po in self.sudo():
            lists = po.gendan_outsourcing_ids.filtered(
                lambda rec: rec.state != "cancel")
            unsigned = lists.filtered(lambda rec: rec.signoff_state != "approved")
            if unsigned:
                raise UserError(_(
                    "%(po)s cannot be confirmed before its outsourcing list "
                    "%(list)s is signed off (now: %(state)s).") % {
                        "po": po.name, "list": ", ".join(unsigned.mapped("name")),
                        "state": dict(unsigned._fields["state"]._description_selection(
                            po.env))[unsigned[0].state]})
            specs = po.gendan_packaging_spec_ids.filtered(
                lambda spec: spec.state != "cancel")
            drafts = specs.filtered(lambda spec: spec.state == "draft")
            if drafts:
                raise UserError(_(
                    "%(po)s cannot be confirmed before its packaging "
                    "specification %(spec)s is released to the subcontractor.")
                    % {"po": po.name, "spec": ", ".join(drafts.mapped("name"))})

    @api.multi
    def action_gendan_view_outsourcing(self):
        self.ensure_one()
        return self.env["sale.order"]._gendan_open_records(
            self.gendan_outsourcing_ids, _("Outsourcing List"))

    def _gendan_outsourcing_changed(self, reason):
        """A product, quantity or price changed on the purchase order: a
        signed (or requested) list is signed again; once the factory
        confirmed, the order changes through Odoo's purchase flow."""
        lists = self.sudo().mapped("gendan_outsourcing_ids").filtered(
            lambda rec: rec.state in ("pending", "approved"))
        if lists:
            lists._change_notice(reason)
