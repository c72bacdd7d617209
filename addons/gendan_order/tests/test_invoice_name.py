from .common import GendanOrderCase


class TestDraftInvoiceName(GendanOrderCase):
    """A draft invoice without a number is named by its order and customer."""

    @classmethod
    def setUpClass(cls):
        super(TestDraftInvoiceName, cls).setUpClass()
        cls.term = cls._deposit_term()
        cls.merchandiser = cls.users["merchandiser"]
        cls.merchandiser.lang = "zh_CN"

    def _draft_deposit_invoice(self):
        order = self._create_reviewed_order(payment_term_id=self.term.id)
        order.sudo(self.users["salesperson"]).action_confirm()
        order.sudo(self.users["salesperson"]).action_create_deposit_invoice()
        return order, order.order_line.filtered("is_downpayment").mapped(
            "invoice_lines.invoice_id")

    def test_my_work_names_the_draft(self):
        """A to-do on the draft deposit invoice reads, in the merchandiser's
        "My work" (Chinese), "草稿发票 <order> · <customer>", not "发票"; an
        English reader sees "Draft Invoice <order> · <customer>"."""
        order, invoice = self._draft_deposit_invoice()
        self.assertEqual((invoice.state, invoice.number), ("draft", False))
        self.env["mail.activity"]._todo_ensure(
            invoice, "test_check_deposit", self.merchandiser, "Check the deposit")
        my_work = self.env["mail.activity"].sudo(self.merchandiser).search_read(
            [("user_id", "=", self.merchandiser.id),
             ("res_model", "=", "account.invoice"), ("res_id", "=", invoice.id)],
            ["res_name"])
        self.assertEqual([todo["res_name"] for todo in my_work],
                         ["草稿发票 %s · Harbor Home Goods Ltd." % order.name])
        self.assertEqual(
            invoice.sudo(self.users["salesperson"]).with_context(
                lang="en_US").display_name,
            "Draft Invoice %s · Harbor Home Goods Ltd." % order.name)

    def test_numbered_invoice_keeps_core_name(self):
        """Once posted, the invoice is named by its number, as in core."""
        _order, invoice = self._draft_deposit_invoice()
        invoice.sudo(self.users["finance"]).action_invoice_open()
        self.assertTrue(invoice.number)
        self.assertEqual(
            invoice.sudo(self.merchandiser).display_name,
            "%s %s" % (invoice.number, invoice.name or ""))
