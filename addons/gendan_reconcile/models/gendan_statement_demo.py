import base64
from datetime import timedelta

from odoo import api, fields, models

from .gendan_statement import last_month


class GendanStatement(models.Model):
    """Demo data builder: real moves, invoices and payments (called once from
    demo/gendan_statement_demo.xml)."""
    _inherit = "gendan.statement"

    @api.model
    def _demo_build_statements(self, sale_line_ids):
        env = self.env
        boards, kettles = env["sale.order.line"].browse(sale_line_ids)
        today = self._sla_today()
        last_from, last_to = last_month(today)
        prev_from, prev_to = last_month(last_from)
        day = lambda start, n: fields.Date.to_string(start + timedelta(days=n))  # noqa
        self._demo_deliver(boards, 1200, day(prev_from, 4))
        self._demo_invoice(boards, 1200, day(prev_from, 5))
        self._demo_deliver(boards, 800, day(last_from, 2))
        invoice = self._demo_invoice(boards, 800, day(last_from, 3))
        self._demo_deliver(kettles, 1200, day(last_from, 15))
        bank = env["account.journal"].search([("type", "=", "bank")], limit=1)
        invoice.pay_and_reconcile(bank, 2000.0, day(last_from, 20))
        merchandiser = env.ref("gendan_base.user_merchandiser_demo")
        finance = env.ref("gendan_base.user_finance_demo")
        confirmed = self._prepare_statements(
            "customer", fields.Date.to_string(prev_from),
            fields.Date.to_string(prev_to), boards.order_partner_id)
        disputed = self._prepare_statements(
            "customer", fields.Date.to_string(last_from),
            fields.Date.to_string(last_to), boards.order_partner_id)
        for statement in confirmed | disputed:
            statement.sudo(merchandiser).action_submit()
            statement.sudo(merchandiser).action_signoff_sign()
            statement.sudo(finance).action_signoff_sign()
            statement.sudo(merchandiser).action_send()
        confirmed.sudo(merchandiser).write({
            "stamped_copy": base64.b64encode(b"Stamped and signed by Pacific Homeware"),
            "stamped_copy_filename": "stamped-statement.txt"})
        confirmed.sudo(merchandiser).action_confirm()
        line = disputed.line_ids.filtered(
            lambda rec: rec.product_id == kettles.product_id)
        line.sudo(merchandiser).write({
            "is_disputed": True,
            "dispute_reason": "Only 1,176 kettles received: 24 cartons crushed "
                              "in transit (survey report attached to the claim)."})
        disputed.sudo(merchandiser).action_dispute()
        return True

    @api.model
    def _demo_deliver(self, sale_line, qty, date):
        picking_type = self.env.ref("stock.picking_type_out")
        src = picking_type.default_location_src_id
        dest = self.env.ref("stock.stock_location_customers")
        picking = self.env["stock.picking"].create({
            "partner_id": sale_line.order_partner_id.id,
            "origin": sale_line.order_id.name,
            "picking_type_id": picking_type.id, "location_id": src.id,
            "location_dest_id": dest.id, "move_lines": [(0, 0, {
                "name": sale_line.name, "product_id": sale_line.product_id.id,
                "product_uom_qty": qty, "product_uom": sale_line.product_uom.id,
                "location_id": src.id, "location_dest_id": dest.id,
                "sale_line_id": sale_line.id})]})
        picking.action_confirm()
        picking.move_lines.write({"quantity_done": qty})
        picking.action_done()
        self.env.cr.execute("UPDATE stock_move SET date = %s WHERE picking_id = %s",
                            (date + " 08:00:00", picking.id))
        picking.move_lines.invalidate_cache(["date"])

    @api.model
    def _demo_invoice(self, sale_line, qty, date):
        partner = sale_line.order_partner_id
        account = sale_line.product_id.categ_id.property_account_income_categ_id
        invoice = self.env["account.invoice"].with_context(type="out_invoice").create({
            "partner_id": partner.id, "type": "out_invoice", "date_invoice": date,
            "account_id": partner.property_account_receivable_id.id,
            "user_id": sale_line.order_id.user_id.id,
            "origin": sale_line.order_id.name,
            "invoice_line_ids": [(0, 0, {
                "product_id": sale_line.product_id.id, "name": sale_line.name,
                "quantity": qty, "price_unit": sale_line.price_unit,
                "account_id": account.id, "sale_line_ids": [(6, 0, sale_line.ids)]})]})
        invoice.action_invoice_open()
        return invoice
