"""The document register (gendan_document) through XML-RPC.

A real server (``--workers=2``) on the test database; the documents clerk,
a merchandiser and an engineer attack the demo register entries: status,
number, revision and links are written by the buttons only, the buttons
of the clerk are refused to the others, a source's entry follows its
source. The database, read back with SQL, is unchanged.
"""
from odoo_server import RpcServerCase

LOGINS = ["documents_clerk", "merchandiser", "engineer"]
COLUMNS = ("state, name, revision, history_key, res_model, res_id, "
           "previous_id, superseded_by_id, title")


class TestDocumentRegisterRpc(RpcServerCase):
    """State writes over XML-RPC as the restricted users."""

    def _rows(self, ids):
        # COLUMNS is a literal of this file
        return self.sql("SELECT id, %s FROM gendan_document WHERE id IN %%s "
                        "ORDER BY id" % COLUMNS, (tuple(ids),))

    def _demo_entries(self):
        """A controlled entry of a source (the task order in production),
        a superseded BOM revision and the clerk's customer data."""
        task = self.xmlid("gendan_production.task_order_production_demo")
        source = self.call("admin", "gendan.document", "search",
                           [("res_model", "=", "gendan.task.order"),
                            ("res_id", "=", task)])
        superseded = self.call("admin", "gendan.document", "search",
                               [("state", "=", "superseded")], limit=1)
        hand = [self.xmlid("gendan_document.document_customer_data_demo")]
        self.assertTrue(source and superseded and hand[0])
        return source + superseded + hand

    def test_state_and_numbers_written_by_buttons_only(self):
        ids = self._demo_entries()
        before = self._rows(ids)
        breaches = []
        attacks = [{"state": value} for value in (
            "draft", "controlled", "superseded", "recalled", "archived")] + [
            {"name": "TO-1999-0001"}, {"revision": 7},
            {"history_key": "gendan.task.order,1"}, {"res_id": 1},
            {"superseded_by_id": ids[0]}, {"previous_id": ids[1]}]
        current = {row[0]: row[1] for row in before}
        for login in LOGINS:
            for vals in attacks:
                for res_id in ids:
                    if vals.get("state") == current[res_id]:
                        continue  # the same status: nothing to move
                    breach = self.attempt(login, "gendan.document", "write",
                                          [res_id], vals)
                    if breach:
                        breaches.append(breach)
            # a forged entry, born controlled or numbered
            for vals in ({"state": "controlled"}, {"name": "CD-1999-0001"},
                         {"res_model": "gendan.task.order", "res_id": 1}):
                breach = self.attempt(login, "gendan.document", "create", dict(
                    vals, title="Forged", document_type_id=self.xmlid(
                        "gendan_document.document_type_customer_data")))
                if breach:
                    breaches.append(breach)
        # the clerk's buttons are the clerk's; a source entry follows its source
        for login in ("merchandiser", "engineer"):
            for method in ("action_recall", "action_archive_document",
                           "action_new_revision"):
                breach = self.attempt(login, "gendan.document", method, [ids[2]])
                if breach:
                    breaches.append(breach)
        breach = self.attempt("documents_clerk", "gendan.document", "write",
                              [ids[0]], {"title": "Renamed"})
        if breach:
            breaches.append(breach)
        breach = self.attempt("documents_clerk", "gendan.document", "unlink",
                              [ids[0]])
        if breach:
            breaches.append(breach)
        self.assertEqual(breaches, [], "\n".join(breaches))
        self.assertEqual(self._rows(ids), before)

    def test_everybody_reads_the_order_documents(self):
        """The merchandiser and the engineer read every controlled document
        of an order in one search."""
        order = self.xmlid("gendan_order.order_on_track_demo")
        for login in LOGINS:
            rows = self.call(login, "gendan.document", "search_read",
                             [("sale_order_id", "=", order)],
                             ["name", "revision", "document_type_id", "state"])
            types = {row["document_type_id"][0] for row in rows}
            self.assertTrue({self.xmlid("gendan_document.document_type_task_order"),
                             self.xmlid("gendan_document.document_type_customer_data")}
                            <= types, (login, rows))
