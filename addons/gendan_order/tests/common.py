"""Helpers for tests of gendan_order and of the modules built on it."""
from contextlib import contextmanager

from odoo.addons.gendan_base.tests.common import GendanCase

REVIEW_SIGNERS = ["salesperson", "engineer", "purchaser", "production", "qa",
                  "merchandiser"]


def demo_user(env, login):
    return env.ref("gendan_base.user_%s_demo" % login)


def approve_order_review(order, users=None):
    """Run the whole order review of ``order``: checklist, request, one
    signature per role. ``users`` maps the logins of REVIEW_SIGNERS to users
    (default: the demo users); ``order.user_id`` must be that salesperson (or
    empty) and ``order.merchandiser_id`` that merchandiser."""
    env = order.env
    users = users or {login: demo_user(env, login) for login in REVIEW_SIGNERS}
    merchandiser = users["merchandiser"]
    order.review_line_ids.sudo(merchandiser).action_confirm_check()
    order.sudo(merchandiser).action_signoff_request()
    for login in REVIEW_SIGNERS:
        if order.signoff_state != "pending":
            break
        order.sudo(users[login]).action_signoff_sign()
    return order


class GendanOrderCase(GendanCase):
    """The department users of GendanCase, a customer, a product, a
    Gendan-controlled sales channel (``team``, the sales users are its
    members) and an uncontrolled one (``team_direct``), and
    ``_create_order()`` / ``_create_reviewed_order()`` (controlled orders)."""

    SALES_TEAM_MEMBERS = ["salesperson", "sales_manager", "general_manager",
                          "merchandiser"]

    @classmethod
    def setUpClass(cls):
        super(GendanOrderCase, cls).setUpClass()
        env = cls.env
        cls.customer = env["res.partner"].create({
            "name": "Harbor Home Goods Ltd.", "customer": True,
            "email": "buyer@harborhome.example"})
        cls.product = env["product.product"].create({
            "name": "LED Desk Lamp DL-20", "type": "consu", "list_price": 12.5})
        # the admin running the tests sells in the demo's uncontrolled
        # channel: every order of these tests names its channel
        cls.team = env["crm.team"].create({
            "name": "Export (test)", "gendan_controlled": True,
            "member_ids": [(4, cls.users[login].id)
                           for login in cls.SALES_TEAM_MEMBERS]})
        cls.team_direct = env["crm.team"].create({
            "name": "Shop (test)", "gendan_controlled": False})

    @classmethod
    def _create_order(cls, qty=100.0, price=12.5, **vals):
        values = {
            "partner_id": cls.customer.id,
            "user_id": cls.users["salesperson"].id,
            "merchandiser_id": cls.users["merchandiser"].id,
            "customer_po": "PO-TEST",
            "team_id": cls.team.id,
            "order_line": [(0, 0, {"product_id": cls.product.id,
                                   "product_uom_qty": qty, "price_unit": price})],
        }
        values.update(vals)
        # an order of an uncontrolled channel is filed by the sales manager
        team = cls.env["crm.team"].browse(values["team_id"])
        creator = "merchandiser" if not team or team.gendan_controlled \
            else "sales_manager"
        return cls.env["sale.order"].sudo(cls.users[creator]).create(values)

    @classmethod
    def _create_reviewed_order(cls, **vals):
        return approve_order_review(cls._create_order(**vals), cls.users)

    @classmethod
    def _deposit_term(cls):
        """A payment term asking a 30 % deposit before production."""
        return cls.env["account.payment.term"].create({
            "name": "30% deposit", "deposit_percent": 30.0})

    @classmethod
    def _pay_deposit(cls, order, amount=None):
        """The salesperson invoices the deposit (sale's down-payment
        invoice), finance posts it and registers the payment (all of it
        unless ``amount``); returns the invoice."""
        order.sudo(cls.users["salesperson"]).action_create_deposit_invoice()
        invoice = order.order_line.filtered("is_downpayment").mapped(
            "invoice_lines.invoice_id").sudo(cls.users["finance"])
        invoice.action_invoice_open()
        journal = cls.env["account.journal"].search([("type", "=", "bank")], limit=1)
        invoice.pay_and_reconcile(
            journal, invoice.amount_total if amount is None else amount)
        return invoice

    @contextmanager
    def assertRefused(self, exception):
        """The block raises ``exception`` and leaves the database and the
        cache as they were (constraints run after the SQL write)."""
        with self.assertRaises(exception):
            with self.env.cr.savepoint():
                yield
        self.env["base"].invalidate_cache()
