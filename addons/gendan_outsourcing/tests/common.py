"""Shared world of the gendan_outsourcing tests: a product made outside by
a factory, with its BOM (parts and packing), on a reviewed, confirmed order."""
from odoo.addons.gendan_base.tests.common import shift_date
from odoo.addons.gendan_order.tests.common import GendanOrderCase

LIST_SIGNERS = ["merchandiser", "purchaser", "sales_manager", "general_manager"]


class OutsourcingCase(GendanOrderCase):

    @classmethod
    def setUpClass(cls):
        super(OutsourcingCase, cls).setUpClass()
        env = cls.env
        for login, user in cls.users.items():
            setattr(cls, "user_%s" % login, user)
        cls.factory = env["res.partner"].create({
            "name": "Cixi Test Lighting Factory", "supplier": True,
            "is_company": True})
        cls.factory_contact = env["res.partner"].create({
            "name": "Wang Test", "parent_id": cls.factory.id})
        cls.packing_category = env["product.category"].create(
            {"name": "Packing Materials (test)"})
        Product = env["product.product"]
        cls.outsourced = Product.create({
            "name": "Solar Garden Light (test)", "default_code": "SG-T1",
            "type": "product", "gendan_outsourced": True,
            "gendan_material": "ABS + steel", "gendan_finish": "Brushed",
            "seller_ids": [(0, 0, {"name": cls.factory.id, "price": 28.5})]})
        cls.panel = Product.create({"name": "Solar panel (test)",
                                    "default_code": "C-SOL-T", "type": "product"})
        cls.box = Product.create({"name": "Colour box (test)",
                                  "default_code": "P-BOX-T", "type": "product",
                                  "categ_id": cls.packing_category.id})
        env["mrp.bom"].create({
            "product_tmpl_id": cls.outsourced.product_tmpl_id.id,
            "product_qty": 1.0,
            "bom_line_ids": [(0, 0, {"product_id": cls.panel.id, "product_qty": 2}),
                             (0, 0, {"product_id": cls.box.id, "product_qty": 1})]})
        cls.order = cls._create_reviewed_order(
            order_line=[(0, 0, {"product_id": cls.outsourced.id,
                                "product_uom_qty": 1000, "price_unit": 6.8})],
            promised_date=shift_date(years=4))
        cls.order.sudo(cls.user_merchandiser).action_confirm()

    @classmethod
    def _create_list(cls, order=None):
        order = order or cls.order
        order.sudo(cls.user_merchandiser).action_gendan_create_outsourcing()
        return order.gendan_outsourcing_ids.filtered(
            lambda rec: rec.state != "cancel")[-1:]

    @classmethod
    def _sign(cls, outsourcing, logins=None):
        outsourcing.sudo(cls.user_merchandiser).action_signoff_request()
        for login in logins or LIST_SIGNERS:
            outsourcing.sudo(cls.users[login]).action_signoff_sign()
        return outsourcing
