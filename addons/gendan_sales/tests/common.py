"""Helpers for the tests of gendan_sales."""
from odoo.addons.gendan_order.tests.common import GendanOrderCase


class GendanSalesCase(GendanOrderCase):
    """GendanOrderCase plus a factory, a customer enquiry with one product
    requirement and ``_quotation()`` / ``_approved_quotation()``."""

    @classmethod
    def setUpClass(cls):
        super(GendanSalesCase, cls).setUpClass()
        cls.factory = cls.env["res.partner"].create({
            "name": "Test Lamp Factory", "supplier": True, "customer": False})
        cls.customer.write({"tz": "America/Los_Angeles", "lang": "en_US"})
        cls.incoterm = cls.env.ref("stock.incoterm_FOB")

    @classmethod
    def _enquiry(cls, **vals):
        values = {
            "partner_id": cls.customer.id, "channel": "email",
            "target_market": "US West Coast",
            "user_id": cls.users["salesperson"].id,
            "merchandiser_id": cls.users["merchandiser"].id,
            "line_ids": [(0, 0, {
                "product_id": cls.product.id, "name": "DL-20",
                "size": "420 x 160 mm", "material": "Aluminium",
                "finish": "Brushed", "configuration": "Two-joint arm",
                "packing": "8 pcs per carton", "quantity": 2000})],
        }
        values.update(vals)
        return cls.env["gendan.enquiry"].sudo(cls.users["merchandiser"]).create(
            values)

    @classmethod
    def _quotation(cls):
        """A quotation made from an enquiry (its prices need approval)."""
        enquiry = cls._enquiry()
        enquiry.action_create_quotation()
        order = enquiry.order_ids.sudo(cls.users["merchandiser"])
        order.write({"team_id": cls.team.id, "incoterm": cls.incoterm.id,
                     "packing_note": "5-ply export cartons"})
        order.order_line.write({"factory_id": cls.factory.id,
                                "factory_price": 9.0, "price_unit": 12.5})
        return order

    @classmethod
    def _approve(cls, order, price=12.4):
        order.sudo(cls.users["merchandiser"]).action_request_price_approval()
        approval = order.price_approval_ids.filtered(
            lambda rec: rec.state == "to_approve").sudo(cls.users["sales_manager"])
        approval.line_ids.write({"price_unit": price})
        approval.action_signoff_sign()
        return approval

    @classmethod
    def _approved_quotation(cls):
        order = cls._quotation()
        cls._approve(order)
        return order
