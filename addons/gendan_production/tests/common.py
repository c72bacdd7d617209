"""Shared world of the gendan_production tests."""
from odoo.addons.gendan_base.tests.common import shift_date
from odoo.addons.gendan_order.tests.common import GendanOrderCase

TASK_SIGNERS = ["salesperson", "sales_manager", "engineer", "packing_wh",
                "electronic_wh", "general_manager"]


class ProductionCase(GendanOrderCase):
    """Demo users, a controlled BOM and a reviewed, confirmed order."""

    @classmethod
    def setUpClass(cls):
        super(ProductionCase, cls).setUpClass()
        for login, user in cls.users.items():
            setattr(cls, "user_%s" % login, user)
        cls.components = cls._create_components(3)
        cls.bom = cls._create_bom(cls.product, cls.components)
        cls.bom.sudo(cls.user_engineer).action_control()
        cls.order = cls._create_confirmed_order()

    @classmethod
    def _create_components(cls, count, prefix="CMP"):
        Product = cls.env["product.product"]
        return Product.browse([Product.create({
            "name": "%s component %03d" % (prefix, i), "type": "product",
            "default_code": "%s-%03d" % (prefix, i)}).id for i in range(count)])

    @classmethod
    def _create_bom(cls, product, components, qty=1.0):
        return cls.env["mrp.bom"].sudo(cls.user_engineer).create({
            "product_tmpl_id": product.product_tmpl_id.id,
            "product_qty": qty,
            "code": product.default_code or "BOM",
            "bom_line_ids": [(0, 0, {"product_id": comp.id, "product_qty": 2.0})
                             for comp in components],
        })

    @classmethod
    def _create_confirmed_order(cls, **vals):
        order = cls._create_reviewed_order(**vals)
        order.sudo(cls.user_merchandiser).action_confirm()
        return order

    @classmethod
    def _create_task_order(cls, order=None, lines=1, bom=None, qty=100.0):
        order = order or cls.order
        bom = bom or cls.bom
        deadline = shift_date(years=4)
        return cls.env["gendan.task.order"].sudo(cls.user_merchandiser).create({
            "sale_order_id": order.id,
            "date_deadline": deadline,
            "line_ids": [(0, 0, {"product_id": cls.product.id, "customer_qty": qty,
                                 "product_qty": qty, "bom_id": bom.id})
                         for _i in range(lines)],
        })

    @classmethod
    def _approve(cls, task):
        task.sudo(cls.user_merchandiser).action_signoff_request()
        for login in TASK_SIGNERS:
            task.sudo(cls.users[login]).action_signoff_sign()
        return task

    @classmethod
    def _pass_first_article(cls, task, product=None):
        article = cls.env["gendan.first.article"].sudo(cls.user_merchandiser).create({
            "task_order_id": task.id, "product_id": (product or cls.product).id})
        article.item_ids.sudo(cls.user_qa).write({"is_checked": True})
        article.sudo(cls.user_merchandiser).action_signoff_request()
        article.sudo(cls.user_merchandiser).action_signoff_sign()
        article.sudo(cls.user_qa).action_signoff_sign()
        return article
