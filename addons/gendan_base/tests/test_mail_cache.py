from .common import GendanCase, QueryCounter


class TestMailCache(GendanCase):
    """A note posted on a document: its chatter is read fresh, its columns
    are not read again (gendan_base mail.message._invalidate_documents)."""

    def test_note_keeps_columns_and_refreshes_chatter(self):
        memo = self.env["gendan.memo"].sudo(self.users["merchandiser"]).create(
            {"subject": "Carton change"})
        before = len(memo.message_ids)  # read: the chatter is in cache
        memo.message_post(body="Sample sent to Harbor", subtype="mail.mt_note")
        with QueryCounter(self.env.cr) as counter:
            self.assertEqual((memo.subject, memo.state), ("Carton change", "draft"))
        self.assertEqual(counter.count, 0)
        self.assertEqual(len(memo.message_ids), before + 1)
        self.assertIn("Sample sent to Harbor", memo.message_ids[0].body)
