from odoo.exceptions import AccessError, UserError

from .common import GendanCase, QueryCounter


class TestDistribution(GendanCase):
    """Controlled distribution of the internal contact form."""

    @classmethod
    def setUpClass(cls):
        super(TestDistribution, cls).setUpClass()
        cls.list = cls.env.ref("gendan_base.distribution_list_memo")

    def _approved(self):
        memo = self.env["gendan.memo"].sudo(self.users["merchandiser"]).create(
            {"subject": "Barcode moved"})
        memo.action_submit()
        memo.sudo(self.users["sales_manager"]).action_signoff_sign()
        memo.sudo(self.users["general_manager"]).action_signoff_sign()
        return memo

    def test_distribute_and_acknowledge(self):
        """Copies are numbered per recipient; each department acknowledges its own."""
        memo = self._approved()
        memo.sudo(self.users["merchandiser"]).action_distribute()
        copies = memo._distribution_current()
        self.assertEqual(copies.mapped("copy_number"), [1, 2, 3, 4])
        self.assertEqual(memo.state, "distributed")
        self.assertEqual(memo.distribution_pending_count, 4)
        qa = self.users["qa"]
        self.assertTrue(memo.sudo(qa).distribution_can_acknowledge)
        memo.sudo(qa).action_distribution_acknowledge()
        qa_copy = copies.filtered(lambda c: c.name == "Quality Assurance")
        self.assertEqual(qa_copy.state, "acknowledged")
        self.assertEqual(qa_copy.ack_user_id, qa)
        memo.invalidate_cache()
        self.assertNotIn("Quality Assurance", memo.distribution_pending_names)
        self.assertIn("Production", memo.distribution_pending_names)
        with self.assertRaisesRegex(UserError, "no unacknowledged copy"):
            memo.sudo(qa).action_distribution_acknowledge()
        with self.assertRaisesRegex(UserError, "no unacknowledged copy"):
            memo.sudo(self.users["finance"]).action_distribution_acknowledge()

    def test_unapproved_not_distributed(self):
        """Only approved forms are distributed."""
        memo = self.env["gendan.memo"].create({"subject": "Draft"})
        with self.assertRaises(UserError):
            memo.action_distribute()
        self.assertFalse(memo.distribution_copy_ids)

    def test_new_revision_recalls(self):
        """A new revision recalls every old copy and distributes new ones."""
        memo = self._approved()
        memo.action_distribute()
        memo.sudo(self.users["qa"]).action_distribution_acknowledge()
        memo.write({"subject": "Barcode moved again"})  # key field: re-approval
        memo.sudo(self.users["sales_manager"]).action_signoff_sign()
        memo.sudo(self.users["general_manager"]).action_signoff_sign()
        memo._distribution_new_revision("Barcode moved again")
        old = memo.distribution_copy_ids.filtered(lambda c: c.revision == 1)
        new = memo._distribution_current()
        self.assertEqual(set(old.mapped("state")), {"recalled"})
        self.assertTrue(all(old.mapped("recall_date")))
        self.assertEqual(set(new.mapped("revision")), {2})
        self.assertEqual(set(new.mapped("state")), {"sent"})
        self.assertEqual(memo.distribution_pending_count, 4)

    def test_copies_cannot_be_forged(self):
        """A recipient cannot mark a copy acknowledged by writing it."""
        memo = self._approved()
        memo.action_distribute()
        copy = memo._distribution_current()[0]
        with self.assertRaises(AccessError):
            copy.sudo(self.users["documents_clerk"]).write({"state": "acknowledged"})
        with self.assertRaises(AccessError):
            copy.sudo().write({"state": "acknowledged"})
        with self.assertRaises(AccessError):
            memo.sudo(self.users["merchandiser"]).write({"distribution_revision": 9})
        self.assertEqual(copy.state, "sent")

    def test_distribute_query_count_flat(self):
        """Distributing to 5 or 25 recipients (one to-do each) costs the same
        queries."""
        def count_for(extra):
            for index in range(extra):
                self.env["gendan.distribution.list.line"].create({
                    "list_id": self.list.id, "name": "Dept %s" % index,
                    "user_id": self._create_user(
                        "dist_%s_%s" % (extra, index),
                        ["gendan_base.group_user"]).id})
            memo = self._approved()
            memo.invalidate_cache()
            # creating users clears the registry's caches: start both
            # measures from the same (cold) state
            self.env["res.users"].clear_caches()
            with QueryCounter(self.env.cr) as counter:
                memo.action_distribute()
            return counter.count

        count_for(1)  # warm the caches; a named recipient from now on
        small = count_for(0)
        large = count_for(20)
        self.assertEqual(small, large)
