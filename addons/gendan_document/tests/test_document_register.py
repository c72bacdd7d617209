import xlrd

from odoo import fields
from odoo.exceptions import AccessError, UserError

from odoo.addons.gendan_base.tests.common import shift_date
from odoo.addons.gendan_production.tests.common import (
    TASK_SIGNERS, ProductionCase)


class TestDocumentRegister(ProductionCase):
    """The register as the documents clerk, a merchandiser and an engineer."""

    @classmethod
    def setUpClass(cls):
        super(TestDocumentRegister, cls).setUpClass()
        cls.clerk = cls.users["documents_clerk"]
        cls.Document = cls.env["gendan.document"]
        cls.doc_type = cls.env["gendan.document.type"].create({
            "name": "Test Procedure", "code": "TQP"})

    def _entries(self, source, user=None):
        return self.Document.sudo(user or self.user_merchandiser).search([
            ("res_model", "=", source._name), ("res_id", "in", source.ids)])

    def _hand_document(self, date=None):
        return self.Document.sudo(self.clerk).create({
            "title": "Incoming inspection procedure",
            "document_type_id": self.doc_type.id, "sale_order_id": self.order.id,
            "date": date or shift_date()})

    # -- numbering -------------------------------------------------------------

    def test_numbering_rule(self):
        """Type code, year of the document, yearly counter; a new revision
        keeps the number; an earlier year counts on its own."""
        year = shift_date()[:4]
        first = self._hand_document()
        self.assertEqual(first.name, "/")
        first.action_control()
        self.assertEqual(first.name, "TQP-%s-0001" % year)
        self.assertEqual(first.state, "controlled")
        second = self._hand_document()
        second.action_control()
        self.assertEqual(second.name, "TQP-%s-0002" % year)
        old = self._hand_document(date=shift_date(years=-2))
        old.action_control()
        self.assertEqual(old.name, "TQP-%s-0001" % shift_date(years=-2)[:4])
        self.assertEqual(first.archive_year, year)
        self.assertEqual(first.archive_month, shift_date()[:7])
        self.assertEqual(first.archive_folder, "%s/%s/%s" % (
            year, shift_date()[5:7], self.order.name))

    def test_hand_document_revision_and_copies(self):
        """A hand-registered document is distributed to its type's list; its
        new revision keeps the number and recalls the old copies."""
        doc = self._hand_document()
        doc.action_control()
        self.assertTrue(doc.distribution_copy_ids)
        self.assertEqual(doc.source_copy_ids, doc.distribution_copy_ids)
        action = doc.action_new_revision()
        rev2 = self.Document.sudo(self.clerk).browse(action["res_id"])
        self.assertEqual(
            (rev2.state, rev2.revision, rev2.previous_id, rev2.name),
            ("draft", 2, doc, doc.name))
        rev2.action_control()
        self.assertEqual(rev2.name, doc.name)
        self.assertEqual(doc.state, "superseded")
        self.assertEqual(doc.superseded_by_id, rev2)
        self.assertTrue(all(c.state == "recalled"
                            for c in doc.distribution_copy_ids))
        self.assertEqual(rev2.history_ids, doc | rev2)

    # -- the sources register themselves ---------------------------------------

    def test_bom_revision_history(self):
        """Each controlled BOM is a revision of one register number; the
        previous one is superseded; the engineer reads the history."""
        entry = self._entries(self.bom, self.user_engineer)
        self.assertEqual((entry.revision, entry.state), (1, "controlled"))
        self.assertTrue(entry.name.startswith("BOM-"))
        action = self.bom.sudo(self.user_engineer).action_new_revision()
        rev2 = self.env["mrp.bom"].browse(action["res_id"])
        rev2.sudo(self.user_engineer).action_control()
        entry2 = self._entries(rev2, self.user_engineer)
        self.assertEqual((entry2.name, entry2.revision, entry2.state),
                         (entry.name, 2, "controlled"))
        self.assertEqual(entry.state, "superseded")
        self.assertEqual(entry2.previous_id, entry)
        history = self.Document.sudo(self.user_engineer).search(
            [("name", "=", entry.name)])
        self.assertEqual(history, entry | entry2)
        self.assertEqual(rev2.sudo(self.user_engineer).gendan_document_count, 2)
        self.assertEqual(entry.source_copy_ids.mapped("state"),
                         ["recalled"] * len(entry.source_copy_ids))

    def test_task_order_change_notice(self):
        """An approved task order is registered with its order; a change
        notice recalls its entry, the new approval supersedes it."""
        task = self._approve(self._create_task_order())
        entry = self._entries(task)
        self.assertEqual((entry.revision, entry.state, entry.sale_order_id),
                         (1, "controlled", self.order))
        self.assertEqual(entry.source_copy_ids, task.distribution_copy_ids)
        self.assertEqual(
            self.order.sudo(self.user_merchandiser).gendan_document_count, 1)
        task.sudo(self.user_merchandiser).write(
            {"date_deadline": shift_date(years=4, months=1)})
        self.assertEqual(entry.state, "recalled")
        for login in TASK_SIGNERS:
            task.sudo(self.users[login]).action_signoff_sign()
        entries = self._entries(task)
        self.assertEqual(entries.mapped("revision"), [2, 1])
        self.assertEqual(entries.mapped("state"), ["controlled", "superseded"])
        self.assertEqual(len(set(entries.mapped("name"))), 1)
        action = self.order.sudo(
            self.user_merchandiser).action_view_gendan_documents()
        self.assertEqual(
            self.Document.sudo(self.user_merchandiser).search(action["domain"]),
            entries)

    # -- recall and archive --------------------------------------------------------

    def test_recall_by_clerk_only(self):
        """Only the documents clerk recalls: the source's copies are
        recalled through the distribution engine."""
        task = self._approve(self._create_task_order())
        for login in ("merchandiser", "engineer"):
            with self.assertRefused(AccessError):
                self._entries(task, self.users[login]).action_recall()
        entry = self._entries(task, self.clerk)
        entry.action_recall()
        self.assertEqual(entry.state, "recalled")
        self.assertTrue(all(c.state == "recalled"
                            for c in task.distribution_copy_ids))
        entry.action_archive_document()
        self.assertEqual(entry.state, "archived")
        with self.assertRefused(UserError):
            entry.write({"note": "late change"})

    def test_guards(self):
        """Status, number and revision move through the buttons only; a
        source's entry follows its source; others only read."""
        entry = self._entries(self.bom, self.clerk)
        for vals in ({"state": "archived"}, {"name": "X-1"}, {"revision": 9},
                     {"superseded_by_id": entry.id}, {"title": "Renamed"}):
            with self.assertRefused(UserError):
                entry.write(vals)
        with self.assertRefused(UserError):
            self.Document.sudo(self.clerk).create({
                "title": "Forged", "document_type_id": self.doc_type.id,
                "state": "controlled"})
        with self.assertRefused(AccessError):
            self.Document.sudo(self.user_merchandiser).create({
                "title": "Not mine", "document_type_id": self.doc_type.id})
        with self.assertRefused(AccessError):
            entry.sudo(self.user_engineer).write({"note": "x"})
        with self.assertRefused(UserError):
            entry.unlink()
        self.env.cr.execute(
            "SELECT state, revision FROM gendan_document WHERE id = %s",
            (entry.id,))
        self.assertEqual(self.env.cr.fetchone(), ("controlled", 1))

    # -- backfill ---------------------------------------------------------------

    def test_backfill_idempotent(self):
        """Documents distributed before the register (entries missing) are
        registered by the backfill; a second run changes nothing."""
        task = self._approve(self._create_task_order())
        self.env.cr.execute(
            "DELETE FROM gendan_document WHERE res_model IN "
            "('gendan.task.order', 'mrp.bom')")
        self.Document.invalidate_cache()
        self.Document._backfill()
        entry = self._entries(task)
        self.assertEqual((entry.revision, entry.state), (1, "controlled"))
        self.assertEqual(self._entries(self.bom).state, "controlled")
        count = self.Document.search_count([])
        self.Document._backfill()
        self.assertEqual(self.Document.search_count([]), count)

    # -- search and print --------------------------------------------------------

    def test_document_index_report(self):
        """The order's document index lists its documents, in Chinese."""
        task = self._approve(self._create_task_order())
        doc = self._hand_document()
        doc.action_control()
        report = self.env.ref("gendan_document.action_report_document_index")
        html = report.sudo(self.user_merchandiser).render_qweb_html(
            self.order.ids)[0].decode()
        self.assertIn("订单受控文件索引", html)
        self.assertIn(self._entries(task).name, html)
        self.assertIn(doc.name, html)
        register = self.env.ref(
            "gendan_document.action_report_document_register")
        html = register.sudo(self.clerk).render_qweb_html(doc.ids)[0].decode()
        self.assertIn("文控文件登记表", html)
        self.assertIn(doc.name, html)

    def test_register_xlsx(self):
        """The register's index as XLSX, as the clerk and a merchandiser:
        the entries of the list as filtered (here by order), real date
        cells, and each document's revision history on its own sheet."""
        doc = self._hand_document(date=shift_date(years=-1))
        doc.action_control()
        rev2 = self.Document.sudo(self.clerk).browse(
            doc.action_new_revision()["res_id"])
        rev2.write({"date": shift_date()})
        rev2.action_control()
        other_order = self._create_confirmed_order()
        other = self._hand_document()
        other.sudo(self.clerk).write({"sale_order_id": other_order.id})
        report = self.env.ref(
            "gendan_document.action_report_document_register_xlsx")
        for user in (self.clerk, self.user_merchandiser):
            listed = self.Document.sudo(user).search(
                [("sale_order_id", "=", self.order.id),
                 ("state", "!=", "superseded")])
            self.assertIn(rev2, listed)
            content, fmt = report.sudo(user).with_context(
                active_model="gendan.document").render(listed.ids)
            self.assertEqual(fmt, "xlsx")
            book = xlrd.open_workbook(file_contents=content)
            sheet = book.sheet_by_index(0)
            rows = [sheet.row_values(i) for i in range(3, sheet.nrows)]
            self.assertEqual(len(rows), len(listed))
            row = next(r for r in rows if r[0] == rev2.name)
            self.assertEqual((row[1], row[2], row[4], row[9]),
                             (2, rev2.title, self.order.name,
                              rev2.archive_folder))
            self.assertNotIn(other.name, [r[0] for r in rows])
            index = [r[0] for r in rows].index(rev2.name) + 3
            self.assertEqual(sheet.cell_type(index, 6), xlrd.XL_CELL_DATE)
            self.assertEqual(xlrd.xldate.xldate_as_datetime(
                sheet.cell_value(index, 6), book.datemode).date(),
                fields.Date.from_string(rev2.date))
            history = book.sheet_by_index(1)
            revisions = [history.row_values(i) for i in range(3, history.nrows)
                         if history.cell_value(i, 0) == rev2.name]
            self.assertEqual([r[2] for r in revisions], [1, 2])
            first = [i for i in range(3, history.nrows)
                     if history.cell_value(i, 0) == rev2.name][0]
            self.assertEqual(history.cell_type(first, 3), xlrd.XL_CELL_DATE)
            self.assertEqual(xlrd.xldate.xldate_as_datetime(
                history.cell_value(first, 3), book.datemode).date(),
                fields.Date.from_string(doc.date))
