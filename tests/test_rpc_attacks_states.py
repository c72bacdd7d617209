"""Every status of every Gendan model moves only through its buttons.

The models are enumerated from the database's registry (``ir.model.fields``):
every stored selection field named ``state`` or ``*_state`` that a gendan
module defines, so a new model is covered without touching this file. On a
real server (``--workers=2``), every department demo user writes each other
value of the field on real records (the demo data, one record per current
value, in one call per model and value): every write is refused and the
database, read back with SQL, is unchanged.
Models without demo records get one created by admin (removed at the end).
"""
import datetime

from odoo_server import RpcServerCase

LOGINS = ["merchandiser", "salesperson", "sales_manager", "general_manager",
          "engineer", "purchaser", "production", "qa", "packing_wh",
          "electronic_wh", "fg_wh", "finance", "documents_clerk"]
# records per model and current value (the batch of one call)
PER_VALUE = 1


class TestStateAttacks(RpcServerCase):
    """Direct writes of a status are refused for every user, model and value."""

    def _state_fields(self):
        """[(model, field, table, [values])] of the gendan statuses."""
        fields = self.call(
            "admin", "ir.model.fields", "search_read",
            [("ttype", "=", "selection"), ("store", "=", True),
             "|", ("name", "=", "state"), ("name", "=like", "%\\_state")],
            ["model", "name", "modules"])
        found = []
        for field in fields:
            # defined by gendan modules only (not Odoo's own state of a model)
            modules = (field["modules"] or "").replace(" ", "").split(",")
            if not all(name.startswith("gendan_") for name in modules):
                continue
            model, name = field["model"], field["name"]
            table = model.replace(".", "_")
            if not self.sql("SELECT to_regclass(%s)", (table,))[0][0]:
                continue  # an abstract model (mixin): its fields are on the models
            selection = self.call("admin", model, "fields_get", [name],
                                  attributes=["selection"])[name]["selection"]
            found.append((model, name, table, [key for key, _l in selection]))
        return found

    def _gendan_models_with_status(self):
        """Models created by a gendan module (``_module``) with a stored
        ``state``/``*_state`` selection, read from the registry by SQL."""
        rows = self.sql(
            "SELECT DISTINCT m.model FROM ir_model m "
            "JOIN ir_model_fields f ON f.model_id = m.id "
            "JOIN ir_model_data d ON d.model = 'ir.model' AND d.res_id = m.id "
            "WHERE d.module LIKE 'gendan\\_%%' AND m.model LIKE 'gendan.%%' "
            "AND f.ttype = 'selection' AND f.store "
            "AND (f.name = 'state' OR f.name LIKE '%%\\_state') "
            "AND to_regclass(replace(m.model, '.', '_')) IS NOT NULL")
        return {model for model, in rows}

    def _records(self, table, field):
        """{id: value} of up to PER_VALUE records per current value."""
        # table and column come from the registry, never from user input
        rows = self.sql(
            'SELECT id, "%s" FROM (SELECT id, "%s", row_number() OVER '
            '(PARTITION BY "%s" ORDER BY id) AS rank FROM "%s") ranked '
            "WHERE rank <= %%s" % (field, field, field, table), (PER_VALUE,))
        return dict(rows)

    def _create_missing(self):
        """Records of the documents the demo data has none of (as admin)."""
        order = self.call("admin", "sale.order", "search",
                          [("state", "in", ["sale", "done"])], limit=1)[0]
        day = str(datetime.date.today() + datetime.timedelta(days=30))
        recipes = {
            "gendan.shipping.notice": {"sale_order_id": order,
                                       "shipping_date": day,
                                       "destination_port": "Hamburg"},
            "gendan.shipping.release": {"sale_order_id": order,
                                        "reason": "State attack test"},
        }
        for model, vals in recipes.items():
            if not self.call("admin", model, "search_count", []):
                res_id = self.call("admin", model, "create", vals)
                self.addCleanup(self.call, "admin", model, "unlink", [res_id])

    def test_every_status_moves_only_through_its_buttons(self):
        """All gendan statuses, all department users, every other value."""
        self._create_missing()
        statuses = self._state_fields()
        models = {model for model, _f, _t, _v in statuses}
        # the enumeration finds the documents of every module, the modules
        # of the second round included
        for model in ("gendan.memo", "gendan.task.order", "gendan.material.check",
                      "gendan.production.exception", "gendan.complaint",
                      "gendan.shipment", "gendan.statement", "gendan.sample",
                      "gendan.enquiry", "gendan.price.approval",
                      "gendan.outsourcing.order", "gendan.packaging.spec",
                      "gendan.pickup.slip", "gendan.qa.check", "gendan.goods.photo",
                      "gendan.showroom.machine", "gendan.showroom.register",
                      "gendan.showroom.check", "gendan.document",
                      "gendan.mail.reply", "gendan.expense"):
            self.assertIn(model, models)
        # and every model a gendan module defines with a status of its own
        self.assertEqual(self._gendan_models_with_status() - models, set())
        self.assertIn(("mrp.bom", "control_state"),
                      {(model, name) for model, name, _t, _v in statuses})
        went_through = []
        untested = []
        attempts = 0
        for model, field, table, values in statuses:
            before = self._records(table, field)
            if not before:
                untested.append(model)
                continue
            ids = sorted(before)
            for login in LOGINS:
                for value in values:
                    if set(before.values()) == {value}:
                        continue
                    attempts += 1
                    outcome = self.attempt(login, model, "write", ids,
                                           {field: value})
                    if outcome:
                        went_through.append(outcome)
            self.assertEqual(self._records(table, field), before,
                             "%s.%s changed" % (model, field))
        self.assertEqual(went_through, [])
        self.assertGreaterEqual(attempts, len(LOGINS) * len(statuses))
        # every status has a real record to attack (demo data)
        self.assertEqual(untested, [])
