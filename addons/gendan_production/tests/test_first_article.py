from odoo.exceptions import UserError

from .common import ProductionCase


class TestFirstArticle(ProductionCase):

    @classmethod
    def setUpClass(cls):
        super(TestFirstArticle, cls).setUpClass()
        cls.task = cls._approve(cls._create_task_order())
        cls.task.sudo(cls.user_merchandiser).action_create_first_article()
        cls.article = cls.task.first_article_ids

    def test_default_checklist(self):
        """Five checks: silk-screen, packaging, barcode, software, accessories."""
        self.assertEqual(len(self.article.item_ids), 5)
        self.assertEqual(set(self.article.item_ids.mapped("code")), {
            "silk_screen", "packaging", "barcode", "software", "accessories"})
        self.assertEqual(self.article.product_id, self.product)

    def test_article_follows_task_order(self):
        """The article names the task order and carries its order, company
        and merchandiser, also after the order changes hands; the button
        opens the task order's articles."""
        task, article = self.task, self.article
        self.assertEqual(article.name, "%s - %s" % (
            task.name, self.product.default_code or self.product.name))
        self.assertEqual((article.sale_order_id, article.company_id),
                         (task.sale_order_id, task.company_id))
        self.assertEqual(article.merchandiser_id, self.user_merchandiser)
        task.sale_order_id.write({"merchandiser_id": self.env.uid})
        self.assertEqual(article.merchandiser_id.id, self.env.uid)
        action = task.sudo(self.user_merchandiser).action_create_first_article()
        self.assertEqual((action["res_model"], action["domain"]), (
            "gendan.first.article", [("task_order_id", "=", task.id)]))
        self.assertEqual([view_type for _id, view_type in action["views"]][:2],
                         ["tree", "form"])

    def test_unchecked_items_refused(self):
        """Submitting with an unchecked applicable item is refused."""
        self.article.item_ids[:4].sudo(self.user_qa).write({"is_checked": True})
        with self.assertRefused(UserError):
            self.article.sudo(self.user_merchandiser).action_signoff_request()
        self.assertEqual(self.article.state, "draft")
        self.assertEqual(self.article.signoff_state, "none")

    def test_not_applicable_item_and_signatures(self):
        """A not-applicable item is skipped; merchandiser and QA sign: passed,
        the checklist is locked."""
        items = self.article.item_ids
        items.filtered(lambda i: i.code == "software").sudo(self.user_qa).write(
            {"is_applicable": False})
        items.filtered(lambda i: i.code != "software").sudo(self.user_qa).write(
            {"is_checked": True})
        self.article.sudo(self.user_merchandiser).action_signoff_request()
        self.assertEqual(self.article.state, "pending")
        with self.assertRefused(UserError):
            items[0].sudo(self.user_qa).write({"is_checked": False})
        self.article.sudo(self.user_qa).action_signoff_sign()
        self.assertEqual(self.article.state, "pending")
        self.article.sudo(self.user_merchandiser).action_signoff_sign()
        self.assertEqual(self.article.state, "passed")
        self.assertTrue(self.article.date_passed)

    def test_rejected_then_rework(self):
        """QA rejects: failed; reworked back to draft and resubmitted."""
        self.article.item_ids.sudo(self.user_qa).write({"is_checked": True})
        self.article.sudo(self.user_merchandiser).action_signoff_request()
        self.article.sudo(self.user_qa).action_signoff_reject("Logo off-centre 2 mm")
        self.assertEqual(self.article.state, "failed")
        self.article.sudo(self.user_merchandiser).action_draft()
        self.article.sudo(self.user_merchandiser).action_signoff_request()
        self.assertEqual(self.article.state, "pending")

    def test_order_follows_its_articles(self):
        """The order's first-article milestone follows each article's state
        (marked from the article's stored order, gendan.first.article
        ``modified``): passed: done; a second article failed then reworked:
        open again; the open one deleted: done, read back from the row."""
        order = self.task.sale_order_id
        self.article.item_ids.sudo(self.user_qa).write({"is_checked": True})
        self.article.sudo(self.user_merchandiser).action_signoff_request()
        self.article.sudo(self.user_merchandiser).action_signoff_sign()
        self.article.sudo(self.user_qa).action_signoff_sign()
        self.assertEqual(order.milestone_first_article_state, "done")
        other = self._create_components(1, prefix="FOLLOW")
        second = self.env["gendan.first.article"].sudo(self.user_merchandiser).create(
            {"task_order_id": self.task.id, "product_id": other.id})
        self.assertEqual(second.sale_order_id, order)
        self.assertNotEqual(order.milestone_first_article_state, "done")
        second.item_ids.sudo(self.user_qa).write({"is_checked": True})
        second.sudo(self.user_merchandiser).action_signoff_request()
        second.sudo(self.user_qa).action_signoff_reject("Colour off")
        # only a failed article besides the passed one: the milestone is done
        self.assertEqual(order.milestone_first_article_state, "done")
        second.sudo(self.user_merchandiser).action_draft()
        self.assertNotEqual(order.milestone_first_article_state, "done")
        second.sudo().unlink()
        order.invalidate_cache()
        self.env.cr.execute("SELECT milestone_first_article_state FROM sale_order"
                            " WHERE id = %s", (order.id,))
        self.assertEqual(self.env.cr.fetchone()[0], "done")

    def test_pass_by_rpc_refused(self):
        """Writing 'passed' without the signatures is refused."""
        self.article.item_ids.sudo(self.user_qa).write({"is_checked": True})
        with self.assertRefused(UserError):
            self.article.sudo(self.user_qa).write({"state": "passed"})
        self.assertEqual(self.article.state, "draft")
