"""A small export business in March 2025, built once per test class.

Hand-computed figures in the company currency ("CC": CNY on a database built
by ./gendan, the figures hold for any), no taxes:

Harbor (order SO-A in the company currency, 100 lamps at 12.50):
  delivered 60 on 03-05 (invoiced 03-06: 750.00) and 40 on 03-20 (not invoiced:
  500.00); opening: invoice of 02-10 for 300.00; paid 500.00 on 03-25; credit
  note of 50.00 on 03-28; closing 300 + 750 - 50 - 500 = 500.00.
Lyon (EUR order, 15 vases at 20.00 EUR; 1 CC = 0.8 EUR from 03-01, 0.5 from
  03-14): delivered 10 on 03-10 (invoiced 03-12 at 1.25: 200 EUR = 250.00 CC)
  and 5 on 03-15 (not invoiced, 100 EUR at 2.0 = 200.00 CC); closing 250.00.
"""
from odoo.addons.gendan_base.tests.common import GendanCase, shift_date

PERIOD = ("2025-03-01", "2025-03-31")


class ReconcileCase(GendanCase):

    @classmethod
    def setUpClass(cls):
        super(ReconcileCase, cls).setUpClass()
        env = cls.env
        cls.company = env.user.company_id
        cls.company_currency = cls.company.currency_id
        cls.eur = env.ref("base.EUR")
        Rate = env["res.currency.rate"]
        Rate.create({"currency_id": cls.company_currency.id, "name": "2025-01-01",
                     "rate": 1.0, "company_id": cls.company.id})
        Rate.create({"currency_id": cls.eur.id, "name": "2025-03-01", "rate": 0.8,
                     "company_id": cls.company.id})
        Rate.create({"currency_id": cls.eur.id, "name": "2025-03-14", "rate": 0.5,
                     "company_id": cls.company.id})
        cls.eur_pricelist = env["product.pricelist"].create({
            "name": "Export EUR", "currency_id": cls.eur.id})
        cls.lamp = env["product.product"].create({
            "name": "LED Desk Lamp DL-20", "type": "consu", "list_price": 12.5,
            "taxes_id": [(5, 0, 0)]})
        cls.vase = env["product.product"].create({
            "name": "Ceramic Vase CV-8", "type": "consu", "list_price": 20.0,
            "taxes_id": [(5, 0, 0)]})
        cls.salesperson = cls.users["salesperson"]
        cls.merchandiser = cls.users["merchandiser"]
        cls.finance = cls.users["finance"]
        cls.team = env["crm.team"].create({"name": "Export (test)",
                                           "gendan_controlled": True})
        cls.harbor = cls._create_customer("Harbor Home Goods Ltd.")
        cls.lyon = cls._create_customer("Maison de Lyon SARL")
        cls.idle = cls._create_customer("Quiet Traders Inc.")
        cls.revenue = env["account.account"].search([
            ("company_id", "=", cls.company.id),
            ("user_type_id", "=", env.ref("account.data_account_type_revenue").id)],
            limit=1)
        cls.bank = env["account.journal"].search([
            ("company_id", "=", cls.company.id), ("type", "=", "bank")], limit=1)
        # Harbor
        cls.order_a = cls._create_order(cls.harbor, cls.lamp, 100, 12.5, "HB-2025-031")
        line_a = cls.order_a.order_line
        cls._deliver(line_a, 60, "2025-03-05 09:00:00")
        cls._deliver(line_a, 40, "2025-03-20 09:00:00")
        cls._invoice(cls.harbor, [(cls.lamp, 24, 12.5, False)], "2025-02-10")
        cls.invoice_a = cls._invoice(cls.harbor, [(cls.lamp, 60, 12.5, line_a)],
                                     "2025-03-06")
        cls.invoice_a.pay_and_reconcile(cls.bank, 500.0, "2025-03-25")
        cls._invoice(cls.harbor, [(cls.lamp, 4, 12.5, False)], "2025-03-28",
                     kind="out_refund")
        # Lyon, in EUR
        cls.order_b = cls._create_order(cls.lyon, cls.vase, 15, 20.0, "ML-77",
                                        pricelist=cls.eur_pricelist)
        line_b = cls.order_b.order_line
        cls._deliver(line_b, 10, "2025-03-10 09:00:00")
        cls._deliver(line_b, 5, "2025-03-15 09:00:00")
        cls.invoice_b = cls._invoice(cls.lyon, [(cls.vase, 10, 20.0, line_b)],
                                     "2025-03-12", currency=cls.eur)

    @classmethod
    def _create_customer(cls, name):
        return cls.env["res.partner"].create({
            "name": name, "is_company": True, "customer": True,
            "email": "ap@%s.example" % name.split()[0].lower(),
            "user_id": cls.salesperson.id})

    @classmethod
    def _create_order(cls, partner, product, qty, price, customer_po, pricelist=None):
        vals = {
            "partner_id": partner.id, "user_id": cls.salesperson.id,
            "merchandiser_id": cls.merchandiser.id, "customer_po": customer_po,
            "team_id": cls.team.id,
            "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": qty,
                                   "price_unit": price, "tax_id": [(5, 0, 0)]})]}
        if pricelist:
            vals["pricelist_id"] = pricelist.id
        return cls.env["sale.order"].create(vals)

    @classmethod
    def _deliver(cls, sale_line, qty, date):
        """A done delivery of ``qty`` of ``sale_line`` on ``date``."""
        env = cls.env
        picking_type = env.ref("stock.picking_type_out")
        src = picking_type.default_location_src_id
        dest = env.ref("stock.stock_location_customers")
        picking = env["stock.picking"].create({
            "partner_id": sale_line.order_id.partner_id.id,
            "picking_type_id": picking_type.id, "location_id": src.id,
            "location_dest_id": dest.id, "origin": sale_line.order_id.name,
            "move_lines": [(0, 0, {
                "name": sale_line.name, "product_id": sale_line.product_id.id,
                "product_uom_qty": qty, "product_uom": sale_line.product_uom.id,
                "location_id": src.id, "location_dest_id": dest.id,
                "sale_line_id": sale_line.id})]})
        picking.action_confirm()
        picking.action_assign()
        picking.move_lines.write({"quantity_done": qty})
        picking.action_done()
        env.cr.execute("UPDATE stock_move SET date = %s WHERE picking_id = %s",
                       (date, picking.id))
        picking.move_lines.invalidate_cache(["date"])
        return picking

    @classmethod
    def _invoice(cls, partner, lines, date, kind="out_invoice", currency=None):
        """A validated invoice (or credit note) of ``lines``:
        (product, quantity, price, sale line or False)."""
        Invoice = cls.env["account.invoice"].with_context(type=kind)
        invoice = Invoice.create({
            "partner_id": partner.id, "type": kind, "date_invoice": date,
            "account_id": partner.property_account_receivable_id.id,
            "currency_id": (currency or cls.company_currency).id,
            "user_id": cls.salesperson.id,
            "invoice_line_ids": [(0, 0, {
                "product_id": product.id, "name": product.name, "quantity": qty,
                "price_unit": price, "account_id": cls.revenue.id,
                "invoice_line_tax_ids": [(5, 0, 0)],
                "sale_line_ids": [(6, 0, sale_line.ids)] if sale_line else []})
                for product, qty, price, sale_line in lines]})
        invoice.action_invoice_open()
        return invoice

    @classmethod
    def _prepare(cls, user=None, partners=None, period=PERIOD, **kwargs):
        Statement = cls.env["gendan.statement"].sudo(user or cls.merchandiser)
        return Statement._prepare_statements("customer", period[0], period[1],
                                             partners, **kwargs)

    @classmethod
    def _freight_bill(cls, carrier, amount, date, currency=None):
        """A shipment charge of the documents clerk, its vendor bill validated
        by finance on ``date``."""
        env = cls.env
        stock = env.ref("stock.stock_location_stock")
        customers = env.ref("stock.stock_location_customers")
        picking = env["stock.picking"].create({
            "partner_id": cls.harbor.id,
            "picking_type_id": env.ref("stock.picking_type_out").id,
            "location_id": stock.id, "location_dest_id": customers.id})
        shipment = env["gendan.shipment"].sudo(cls.merchandiser).create({
            "partner_id": cls.harbor.id, "picking_ids": [(6, 0, picking.ids)],
            "eta": shift_date(months=3)})
        charge = env["gendan.shipment.charge"].sudo(
            cls.users["documents_clerk"]).create({
                "shipment_id": shipment.id, "carrier_id": carrier.id,
                "charge_type": "freight", "amount": amount,
                "currency_id": (currency or cls.company_currency).id})
        bill = charge.invoice_id
        bill.sudo(cls.finance).write({"date_invoice": date})
        bill.sudo(cls.finance).action_invoice_open()
        return charge, bill
