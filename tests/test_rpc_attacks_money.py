"""Attacks on the money steps through XML-RPC (issue 16).

A real server on the test database; every attempt is made as a demo
department user, and the database is read back with SQL afterwards: the B/L
originals of an unpaid shipment are not released, a deposit, a charge's
payment, a compensation's credit note and a parts request's orders are not
set by hand. The records the file needs (an invoiced order and its shipment)
are created as admin; the shipment is cancelled at the end.
"""
import base64
import time

from odoo_server import RpcServerCase

LOGINS = ["merchandiser", "salesperson", "sales_manager", "general_manager",
          "engineer", "purchaser", "production", "qa", "packing_wh",
          "electronic_wh", "fg_wh", "finance", "documents_clerk"]


class TestMoneyAttacks(RpcServerCase):

    def assertNoBreach(self, breaches):
        breaches = [b for b in breaches if b]
        self.assertEqual(breaches, [], "\n".join(breaches))

    def _unpaid_shipment(self):
        """An order of the uncontrolled channel invoiced (open, unpaid) and
        its shipment, with the B/L copy mailed to the customer."""
        stamp = str(int(time.time() * 1000))[-8:]
        customer = self.call("admin", "res.partner", "create", {
            "name": "RPC Money Buyer %s" % stamp, "customer": True,
            "email": "buyer%s@example.com" % stamp})
        product = self.call("admin", "product.product", "create", {
            "name": "RPC Lamp %s" % stamp, "type": "consu", "list_price": 10.0,
            "invoice_policy": "order"})
        order = self.call("admin", "sale.order", "create", {
            "partner_id": customer, "order_line": [(0, 0, {
                "product_id": product, "product_uom_qty": 100, "price_unit": 10.0})]})
        self.call("admin", "sale.order", "action_confirm", [order])
        invoice_ids = self.call("admin", "sale.order", "action_invoice_create", [order])
        self.call("admin", "account.invoice", "action_invoice_open", invoice_ids)
        pickings = self.call("admin", "stock.picking", "search",
                             [("sale_id", "=", order)])
        shipment = self.call("admin", "gendan.shipment", "create", {
            "partner_id": customer, "picking_ids": [(6, 0, pickings)]})
        bill = self.call("admin", "gendan.shipment.document", "search", [
            ("shipment_id", "=", shipment), ("document_type", "=", "bl")])[0]
        scan = self.call("admin", "ir.attachment", "create", {
            "name": "BL.pdf", "datas_fname": "BL.pdf",
            "datas": base64.b64encode(b"%PDF-1.4\n").decode()})
        self.call("admin", "gendan.shipment.document", "write", [bill], {
            "name": "COSU%s" % stamp, "document_date": "2030-02-10",
            "courier": "DHL", "courier_ref": stamp,
            "attachment_ids": [(6, 0, [scan])]})
        self.call("admin", "gendan.shipment", "message_post", [shipment],
                  body="B/L copy", partner_ids=[customer], attachment_ids=[scan],
                  message_type="comment", subtype="mail.mt_comment",
                  context={"gendan_copy_document_id": bill})
        return shipment, bill

    def test_originals_not_released_unpaid(self):
        """Nobody releases the originals of a shipment whose invoice is open,
        nor confirms its balance, nor writes the release by hand."""
        shipment, bill = self._unpaid_shipment()
        before = self.sql("SELECT state, released_date, released_by_id "
                          "FROM gendan_shipment_document WHERE id = %s", (bill,))
        self.assertEqual(before[0][0], "copy_sent")
        breaches = []
        for login in LOGINS:
            breaches += [
                self.attempt(login, "gendan.shipment.document",
                             "action_release_original", [bill]),
                self.attempt(login, "gendan.shipment.document", "write", [bill],
                             {"state": "released"}),
                self.attempt(login, "gendan.shipment.document", "write", [bill],
                             {"released_date": "2030-03-01"}),
                self.attempt(login, "gendan.shipment.document", "create", {
                    "shipment_id": shipment, "document_type": "bl",
                    "state": "released"}),
                self.attempt(login, "gendan.shipment", "write", [shipment],
                             {"balance_confirmed": True}),
                self.attempt(login, "gendan.shipment", "action_confirm_balance",
                             [shipment]),
            ]
        self.assertNoBreach(breaches)
        self.assertEqual(self.sql(
            "SELECT state, released_date, released_by_id "
            "FROM gendan_shipment_document WHERE id = %s", (bill,)), before)
        self.assertEqual(self.sql(
            "SELECT balance_confirmed FROM gendan_shipment WHERE id = %s",
            (shipment,)), [(False,)])
        self.assertEqual(self.sql(
            "SELECT count(*) FROM gendan_shipment_document WHERE shipment_id = %s "
            "AND state = 'released'", (shipment,)), [(0,)])
        self.call("admin", "gendan.shipment", "action_cancel", [shipment])

    def test_money_fields_not_set_by_hand(self):
        """The deposit of an order, a charge's bill and payment: computed
        from accounting, written by nobody."""
        order = self.xmlid("gendan_order.order_on_track_demo")
        before = self.sql("SELECT deposit_state, is_deposit_received, "
                          "deposit_received_amount FROM sale_order WHERE id = %s",
                          (order,))
        self.assertEqual(before[0][:2], ("due", False))
        charge = self.xmlid("gendan_shipping.charge_pacific_freight_demo")
        charge_sql = ("SELECT c.is_paid, c.invoice_id, array_agg(l.id ORDER BY l.id) "
                      "FROM gendan_shipment_charge c LEFT JOIN account_invoice_line l "
                      "ON l.gendan_charge_id = c.id WHERE c.id = %s "
                      "GROUP BY c.id")
        charge_before = self.sql(charge_sql, (charge,))
        self.assertEqual(charge_before[0][0], False)
        breaches = []
        for login in LOGINS:
            breaches += [
                self.attempt(login, "sale.order", "write", [order],
                             {"is_deposit_received": True}),
                self.attempt(login, "sale.order", "write", [order],
                             {"deposit_state": "received"}),
                self.attempt(login, "sale.order", "write", [order],
                             {"deposit_received_amount": 99999.0}),
                self.attempt(login, "gendan.shipment.charge", "write", [charge],
                             {"is_paid": True}),
                self.attempt(login, "gendan.shipment.charge", "write", [charge],
                             {"invoice_line_ids": [(5,)]}),
                self.attempt(login, "gendan.shipment.charge", "write", [charge],
                             {"invoice_id": False}),
            ]
        self.assertNoBreach(breaches)
        self.assertEqual(self.sql(
            "SELECT deposit_state, is_deposit_received, deposit_received_amount "
            "FROM sale_order WHERE id = %s", (order,)), before)
        self.assertEqual(self.sql(charge_sql, (charge,)), charge_before)
