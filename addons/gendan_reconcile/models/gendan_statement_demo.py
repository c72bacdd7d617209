import base64
from datetime import timedelta

from odoo import api, fields, models

from .gendan_statement import last_month


class GendanStatement(models.Model):
    """Demo data builder: the reviewed and confirmed orders are delivered
    through the gates, invoiced from the orders and paid, then stated
    (called from demo/gendan_statement_demo.xml)."""
    _inherit = "gendan.statement"

    @api.model
    def _demo_build_statements(self, order_ids):
        boards, kettles = self.env["sale.order"].browse(order_ids)
        if boards.state != "sale" or self.search(
                [("partner_id", "=", boards.partner_id.id)]):
            return False
        last_from, last_to = last_month(self._sla_today())
        prev_from, prev_to = last_month(last_from)
        day = lambda start, n: fields.Date.to_string(start + timedelta(days=n))  # noqa
        self._demo_backdate_order(boards, day(prev_from, -20))
        self._demo_backdate_order(kettles, day(last_from, -10))
        self._demo_customer_data(boards, day(prev_from, -17))
        self._demo_customer_data(kettles, day(last_from, -7))
        self._demo_deliver(boards, 1200, day(prev_from, 4))
        self._demo_invoice(boards, day(prev_from, 5))
        self._demo_deliver(boards, 800, day(last_from, 2))
        invoice = self._demo_invoice(boards, day(last_from, 3))
        self._demo_deliver(kettles, 1200, day(last_from, 15))
        bank = self.env["account.journal"].search([("type", "=", "bank")], limit=1)
        self._demo_as(invoice, "finance").pay_and_reconcile(
            bank, 2000.0, day(last_from, 20))
        confirmed = self._prepare_statements(
            "customer", fields.Date.to_string(prev_from),
            fields.Date.to_string(prev_to), boards.partner_id)
        disputed = self._prepare_statements(
            "customer", fields.Date.to_string(last_from),
            fields.Date.to_string(last_to), boards.partner_id)
        self._demo_send(confirmed | disputed)
        merchandiser = self._demo_as(confirmed, "merchandiser")
        merchandiser.write({
            "stamped_copy": base64.b64encode(b"Stamped and signed by Pacific Homeware"),
            "stamped_copy_filename": "stamped-statement.txt"})
        merchandiser.action_confirm()
        kettle = kettles.order_line.product_id
        line = self._demo_as(disputed.line_ids.filtered(
            lambda rec: rec.product_id == kettle), "merchandiser")
        line.write({
            "is_disputed": True,
            "dispute_reason": "Only 1,176 kettles received: 24 cartons crushed "
                              "in transit (survey report attached to the claim)."})
        self._demo_as(disputed, "merchandiser").action_dispute()
        return True

    @api.model
    def _demo_build_supplier_statement(self, partner_id, product_ids):
        """The packaging supplier's month: an order placed by purchasing, its
        goods received by the packing warehouse and billed; the statement of
        last month signed by purchasing and finance, sent, confirmed by the
        supplier and its payment scheduled by finance (每月1-5号对账与结算).
        Needs the Purchase application (left out without it)."""
        partner = self.env["res.partner"].browse(partner_id)
        if "purchase.order" not in self.env or self.search(
                [("partner_id", "=", partner.id)]):
            return False
        start, end = last_month(self._sla_today())
        day = lambda n: fields.Date.to_string(start + timedelta(days=n))  # noqa
        order = self._demo_purchase(partner, product_ids, day(2))
        self._demo_receive(order, day(5))
        self._demo_bill(order, day(7), "HD-2026-%s" % start.strftime("%m%d"))
        statement = self._demo_as(self, "purchaser")._prepare_statements(
            "supplier", fields.Date.to_string(start), fields.Date.to_string(end),
            partner)
        statement = self._demo_as(statement, "purchaser")
        statement.action_submit()
        statement.action_signoff_sign()
        self._demo_as(statement, "finance").action_signoff_sign()
        statement.action_send()
        statement.write({
            "stamped_copy": base64.b64encode(b"Stamped by Hengda Carton"),
            "stamped_copy_filename": "hengda-stamped-statement.txt"})
        statement.action_confirm()
        # "today" as finance reads it (their time zone: Shanghai's date is
        # a day ahead of UTC's from 16:00 UTC)
        finance = self._demo_as(statement, "finance")
        finance.action_schedule_payment(max(
            statement.settlement_deadline,
            fields.Date.to_string(finance._sla_today())))
        return True

    @api.model
    def _demo_purchase(self, partner, product_ids, date):
        """Purchasing orders the packaging (products with their price)."""
        products = self.env["product.product"].browse(product_ids)
        order = self._demo_as(self.env["purchase.order"], "purchaser").create({
            "partner_id": partner.id, "date_order": date + " 02:00:00",
            "partner_ref": "HD-SO-%s" % date.replace("-", ""),
            "order_line": [(0, 0, {
                "product_id": product.id, "name": product.display_name,
                "product_qty": 2000, "product_uom": product.uom_po_id.id,
                "price_unit": product.standard_price, "date_planned": date,
                "taxes_id": [(5, 0, 0)]}) for product in products]})
        order.button_confirm()
        return order

    @api.model
    def _demo_receive(self, order, date):
        """The packing materials warehouse receives all of it on ``date``."""
        picking = self._demo_as(order.picking_ids, "packing_wh")
        picking.action_assign()
        for move in picking.move_lines:
            move.quantity_done = move.product_uom_qty
        picking.button_validate()
        self._demo_backdate_picking(picking, date + " 09:00:00")

    @api.model
    def _demo_bill(self, order, date, reference):
        """Finance books the supplier's bill of the received goods, from the
        purchase order as in the vendor bill form (core's
        ``purchase_order_change``: lines, accounts and taxes of the order)."""
        bill = self._demo_as(self.env["account.invoice"], "finance").with_context(
            type="in_invoice").create({
                "partner_id": order.partner_id.id, "type": "in_invoice",
                "purchase_id": order.id, "date_invoice": date})
        bill.purchase_order_change()
        bill.write({"reference": reference})
        bill.compute_taxes()
        bill.action_invoice_open()
        return bill

    @api.model
    def _demo_as(self, records, login):
        return self.env["gendan.demo"]._as_demo_user(records, login)

    @api.model
    def _demo_send(self, statements):
        """Submitted, signed by the merchandiser and finance, sent."""
        for statement in statements:
            self._demo_as(statement, "merchandiser").action_submit()
            self._demo_as(statement, "merchandiser").action_signoff_sign()
            self._demo_as(statement, "finance").action_signoff_sign()
            self._demo_as(statement, "merchandiser").action_send()

    @api.model
    def _demo_backdate_order(self, order, date):
        """The order was placed and confirmed before its goods left."""
        order.write({"date_order": date + " 02:00:00",
                     "confirmation_date": date + " 06:00:00"})

    @api.model
    def _demo_customer_data(self, order, date):
        """The customer's shipping mark arrived and was approved on ``date``
        (within the order's data deadline): the cockpit's customer data
        milestone of the delivered order is done, not late."""
        items = self._demo_as(self.env["gendan.requirement.item"], "merchandiser")
        item = items.create({
            "order_id": order.id, "item_type": "shipping_mark",
            "name": "Shipping mark (main and side marks)",
            "attachment_ids": [(0, 0, {
                "name": "%s shipping mark.pdf" % order.name,
                "datas_fname": "shipping_mark.pdf",
                "datas": base64.b64encode(b"%PDF-1.4\n% Gendan demo mark\n")})]})
        item.action_receive()
        item.action_approve()
        self.env.cr.execute(
            "UPDATE gendan_requirement_item SET received_date = %s, "
            "approved_date = %s WHERE id = %s", (date, date, item.id))
        item.invalidate_cache(["received_date", "approved_date"])
        item.modified(["received_date", "approved_date"])
        item.recompute()

    @api.model
    def _demo_deliver(self, order, qty, date):
        """``qty`` of the order's open delivery leave on ``date``: the gates
        are cleared, the finished goods warehouse validates (the rest stays
        on a backorder)."""
        picking = order.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
            and p.state not in ("done", "cancel"))
        picking._gendan_demo_clear_gates()
        picking = self._demo_as(picking, "fg_wh")
        picking.action_assign()
        picking.move_lines.write({"quantity_done": qty})
        action = picking.button_validate()
        if action and action.get("res_model") == "stock.backorder.confirmation":
            picking.env[action["res_model"]].browse(action["res_id"]).process()
        self._demo_backdate_picking(picking, date + " 08:00:00")

    @api.model
    def _demo_backdate_picking(self, picking, when):
        """The done transfer happened at ``when`` (its moves and lines too)."""
        cr = self.env.cr
        cr.execute("UPDATE stock_move SET date = %s WHERE picking_id = %s",
                   (when, picking.id))
        cr.execute("UPDATE stock_move_line SET date = %s WHERE picking_id = %s",
                   (when, picking.id))
        cr.execute("UPDATE stock_picking SET date_done = %s WHERE id = %s",
                   (when, picking.id))
        picking.invalidate_cache(["date_done"])
        picking.move_lines.invalidate_cache(["date"])

    @api.model
    def _demo_invoice(self, order, date):
        """Finance invoices what the order delivered so far, dated ``date``,
        and posts the invoice."""
        finance = self._demo_as(order, "finance")
        invoice = finance.env["account.invoice"].browse(finance.action_invoice_create())
        invoice.write({"date_invoice": date})
        invoice.action_invoice_open()
        return invoice
