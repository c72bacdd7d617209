"""Chinese out of the box: every user-facing string of the gendan modules has
its zh_CN translation, and no translation breaks a mail template."""
import ast
import collections
import glob
import importlib.util
import json
import os
import re

from lxml import etree

from odoo.modules.module import get_module_path
from odoo.tests.common import TransactionCase
from odoo.tools.translate import trans_generate

from odoo.addons.gendan_base.models.ir_translation import _compiles

# Terms that read the same in a Chinese factory: abbreviations and codes.
SAME_IN_CHINESE = {"ID", "BOM", "8D", "SLA", "PO", "MO", "ETA", "ETD", "HS", "QA",
                   "D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "XLSX", "PDF",
                   "CSQU3054383", "FOB", "CIF", "EXW", "CFR", "DDP", "DAP", "T/T",
                   "L/C", "USD", "EUR", "CNY", "Email", "E-mail", "20GP", "40GP",
                   "40HQ", "LCL", "B/L"}
# bilingual texts (内部联络单 / Internal Contact Form) need no translation
CJK = re.compile("[\u4e00-\u9fff]")


def gendan_fields(env):
    """{model: [field names]} of the fields the gendan modules declare,
    mixin fields on every model that inherits them included."""
    modules = env["ir.module.module"].search([
        ("name", "like", "gendan_%"), ("state", "=", "installed")]).mapped("name")
    data = env["ir.model.data"].search([
        ("model", "=", "ir.model.fields"), ("module", "in", modules)])
    by_model = collections.defaultdict(list)
    for field in env["ir.model.fields"].browse(data.mapped("res_id")).exists():
        if field.model in env and field.name != "id":
            by_model[field.model].append(field.name)
    return by_model


class TestZhCnComplete(TransactionCase):

    def setUp(self):
        super().setUp()
        self.modules = self.env["ir.module.module"].search([
            ("name", "like", "gendan_%"), ("state", "=", "installed")]).mapped("name")

    def _missing(self, english, chinese):
        english = (english or "").strip()
        if not english or english in SAME_IN_CHINESE or CJK.search(english):
            return False
        return not chinese or chinese.strip() == english

    def test_fields_and_selections(self):
        """Labels, help texts and selection values of every gendan field,
        as a zh_CN user sees them in fields_get."""
        missing = set()
        for model, names in gendan_fields(self.env).items():
            attrs = ["string", "help", "selection"]
            records = self.env[model]
            english = records.with_context(lang="en_US").fields_get(names, attrs)
            chinese = records.with_context(lang="zh_CN").fields_get(names, attrs)
            for name, desc in english.items():
                for attr in ("string", "help"):
                    if self._missing(desc.get(attr), chinese[name].get(attr)):
                        missing.add("%s.%s %s: %s" % (model, name, attr, desc[attr]))
                values = dict(chinese[name].get("selection") or [])
                for key, label in desc.get("selection") or []:
                    if key in ("en_US", "zh_CN"):  # language names
                        continue
                    if self._missing(label, values.get(key)):
                        missing.add("%s.%s selection: %s" % (model, name, label))
        self.assertFalse(sorted(missing), "missing zh_CN translations")

    def test_menus_actions_and_code(self):
        """Menus, actions, view texts, reports and messages (_(...))."""
        missing = set()
        for module in self.modules:
            for row in trans_generate("zh_CN", [module], self.env.cr):
                term_module, kind, name, res_id, source, value, _comments = row
                if term_module != module or name in ("mail.template,report_name",):
                    continue
                if name == "ir.model,name" and "model_gendan_" not in str(res_id):
                    continue  # core models the module extends keep core's name
                if kind == "code":  # _() finds a message by its text alone
                    value = self.env["ir.translation"]._get_source(
                        None, ("code", "sql_constraint"), "zh_CN", source)
                if self._missing(source, value):
                    missing.add("%s %s %s: %s" % (module, kind, name, source[:80]))
        self.assertFalse(sorted(missing), "missing zh_CN translations")


# mail.activity._todo_ensure(records, key, users, summary, deadline,
# activity_type, note, existing): the arguments holding texts
TODO_TEXTS = {"summary": 3, "note": 6}


def todo_texts_in_caller_language(source):
    """The line numbers of the ``_todo_ensure`` calls of ``source`` whose
    summary or note is translated by ``_()`` outside a ``lambda self``: in
    the language of whoever runs the code (a cron: English), not in the
    assignee's."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "_todo_ensure"):
            continue
        texts = [node.args[index] for index in TODO_TEXTS.values()
                 if index < len(node.args)]
        texts += [kw.value for kw in node.keywords if kw.arg in TODO_TEXTS]
        for text in texts:
            if isinstance(text, ast.Lambda) and text.args.args \
                    and text.args.args[0].arg == "self":
                continue  # translated with the record in the user's language
            if any(isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name)
                   and sub.func.id == "_" for sub in ast.walk(text)):
                lines.append(node.lineno)
    return lines


class TestTodoInAssigneeLanguage(TransactionCase):

    def test_todo_texts_translated_per_assignee(self):
        """Every to-do text of the gendan modules is translated in its
        assignee's language (see mail.activity._todo_ensure)."""
        wrong = []
        for module in self.env["ir.module.module"].search([
                ("name", "like", "gendan_%"), ("state", "=", "installed")]):
            pattern = os.path.join(get_module_path(module.name), "**", "*.py")
            for path in glob.glob(pattern, recursive=True):
                if os.sep + "tests" + os.sep in path:
                    continue
                with open(path, encoding="utf-8") as source:
                    wrong += ["%s:%s" % (path, line) for line in
                              todo_texts_in_caller_language(source.read())]
        self.assertFalse(wrong, "to-do texts in the caller's language")

    def test_caller_language_found(self):
        """The check sees a summary translated by the caller, and accepts
        one translated by the record in the user's language."""
        self.assertEqual(todo_texts_in_caller_language(
            "act._todo_ensure(rec, 'k', users, _('Sign %s') % rec.name)\n"
            "act._todo_ensure(rec, 'k', users, lambda r: _('Sign'))\n"
            "act._todo_ensure(rec, 'k', users, 'Sign', note=_('Why'))\n"
            "act._todo_ensure(rec, 'k', users, lambda self: _('Sign'))\n"
            "act._todo_ensure(rec, 'k', users, 'Literal data')\n"), [1, 2, 3])


class TestEmptyListsHelp(TransactionCase):

    def test_every_list_says_what_it_is_for(self):
        """Every window action of the gendan modules opening a list (not a
        dialog) has a help text, shown when the list is empty, in English
        and in Chinese."""
        data = self.env["ir.model.data"].search([
            ("model", "=", "ir.actions.act_window"), ("module", "like", "gendan_%")])
        actions = self.env["ir.actions.act_window"].browse(
            data.mapped("res_id")).exists()
        actions = actions.filtered(lambda action: action.target != "new")
        self.assertGreater(len(actions), 40)
        xmlids = actions.get_external_id()
        english = [xmlids[action.id] for action in actions.with_context(lang="en_US")
                   if not (action.help or "").strip()]
        self.assertFalse(english, "lists without help text")
        chinese = [xmlids[action.id] for action in actions.with_context(lang="zh_CN")
                   if not CJK.search(action.help or "")]
        self.assertFalse(chinese, "lists without a Chinese help text")


class TestSpreadsheetNames(TransactionCase):

    def test_xlsx_named_after_what_and_when(self):
        """Each spreadsheet of the gendan modules is downloaded under a name
        saying what it holds (not the report's technical name)."""
        reports = self.env["ir.actions.report"].search([
            ("report_type", "=", "xlsx"), ("report_name", "like", "gendan_%")])
        self.assertGreaterEqual(len(reports), 4)
        self.assertFalse(reports.filtered(lambda report: not report.print_report_name)
                         .mapped("report_name"))


class TestMailTemplateTranslations(TransactionCase):

    def test_every_translated_template_compiles(self):
        """No translation of a mail template (core's included) breaks its code:
        Odoo 11's zh_CN put 或/和 for or/and inside ${...}."""
        broken = self.env["ir.translation"].search([
            ("name", "like", "mail.template,%"), ("value", "!=", False),
        ]).filtered(lambda t: not _compiles(t.value))
        self.assertFalse(["%s %s" % (t.name, t.res_id) for t in broken])

    def test_broken_translation_mended(self):
        """A translation with Chinese keywords in its code is mended."""
        template = self.env.ref("gendan_order.mail_template_delay_notice")
        translation = self.env["ir.translation"].create({
            "name": "mail.template,subject", "type": "model", "lang": "zh_CN",
            "res_id": template.id, "src": "${object.name or 'x'}",
            "value": "${object.name 或 ’x’}", "state": "translated"})
        self.env["ir.translation"]._gendan_mend_mail_templates()
        self.assertEqual(translation.value, "${object.name or 'x'}")


class TestDistinctLabels(TransactionCase):
    """Two fields a user meets on one model (list column, form, filter,
    group-by, export) never share a label, in English or in Chinese: else
    the columns, filters and export fields cannot be told apart. Core's own
    duplicates (e.g. its "Responsible" activity user beside a "Responsible"
    of ours it hides from the views) are core's: a pair counts when one of
    its fields is gendan's and the other gendan's too or shown in a view."""

    def _visible_fields(self, model):
        """Fields of ``model`` its own views show (not invisible="1"),
        x2many sub-views left to their own model."""
        names = set()
        views = self.env["ir.ui.view"].search([
            ("model", "=", model), ("mode", "=", "primary"),
            ("type", "in", ("form", "tree", "search", "kanban", "calendar",
                            "pivot", "graph"))])
        for view in views:
            arch = self.env[model].fields_view_get(view.id, view.type)["arch"]
            for node in etree.fromstring(arch).iter("field"):
                if any(parent.tag == "field" for parent in node.iterancestors()):
                    continue
                modifiers = json.loads(node.get("modifiers") or "{}")
                if modifiers.get("invisible") is True or \
                        modifiers.get("column_invisible") is True:
                    continue
                names.add(node.get("name"))
        return names

    def _duplicates(self, model, ours):
        """["model lang 'label': field, field"] of ``model``'s shared labels."""
        shown = self._visible_fields(model) & set(self.env[model]._fields)
        names = sorted(shown | ours)
        duplicates = []
        for lang in ("en_US", "zh_CN"):
            by_label = collections.defaultdict(set)
            desc = self.env[model].with_context(lang=lang).fields_get(names, ["string"])
            for name, attrs in desc.items():
                by_label[attrs["string"].strip().lower()].add(name)
            for label, fields in sorted(by_label.items()):
                if len(fields) > 1 and fields & ours:
                    duplicates.append("%s %s %r: %s" % (
                        model, lang, label, ", ".join(sorted(fields))))
        return duplicates

    def test_labels_distinct(self):
        """Every model a gendan module defines or extends."""
        ours = gendan_fields(self.env)
        self.assertIn("gendan_qa_state", ours["stock.picking"])
        duplicates = []
        for model, names in sorted(ours.items()):
            duplicates += self._duplicates(model, set(names))
        self.assertFalse(duplicates, "fields sharing a label")

    def test_duplicate_found(self):
        """The check sees a gendan label that repeats another's."""
        self.env.cr.execute("""
            UPDATE ir_model_fields SET field_description = 'Pick-up Slips'
             WHERE model = 'stock.picking' AND name = 'gendan_pickup_slip_id'""")
        self.env["ir.translation"].clear_caches()
        self.env["ir.model.fields"].invalidate_cache()
        self.assertIn("stock.picking en_US 'pick-up slips': "
                      "gendan_pickup_slip_id, gendan_pickup_slip_ids",
                      self._duplicates("stock.picking", {
                          "gendan_pickup_slip_id", "gendan_pickup_slip_ids"}))


# the migrations of the relabelling (issue 19): module, version
RELABEL_MIGRATIONS = (("gendan_base", "11.0.1.3.1"), ("gendan_dispatch", "11.0.1.0.1"),
                      ("gendan_order", "11.0.1.1.2"),
                      ("gendan_outsourcing", "11.0.1.0.1"),
                      ("gendan_production", "11.0.1.1.1"),
                      ("gendan_reconcile", "11.0.1.2.1"),
                      ("gendan_shipping", "11.0.1.2.1"))


class TestRelabelMigrations(TransactionCase):

    def _migration(self, module, version):
        path = os.path.join(get_module_path(module), "migrations", version,
                            "post-migration.py")
        spec = importlib.util.spec_from_file_location(
            "%s_%s" % (module, version.replace(".", "_")), path)
        script = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(script)
        return script

    def test_old_translations_dropped(self):
        """An upgraded database loses the relabelled fields' old Chinese
        (-u keeps existing translations), and keeps the other fields'."""
        self.env["res.lang"].load_lang("zh_CN")
        translations = self.env["ir.translation"]
        for module, version in RELABEL_MIGRATIONS:
            script = self._migration(module, version)
            stale = translations
            for model, name in script.RELABELLED:
                field = self.env["ir.model.fields"]._get(model, name)
                stale |= translations.create({
                    "name": "ir.model.fields,field_description", "type": "model",
                    "lang": "zh_CN", "res_id": field.id, "src": "old",
                    "value": "旧标签", "state": "translated"})
            kept = translations.search([
                ("name", "=", "ir.model.fields,field_description"),
                ("lang", "=", "zh_CN"), ("value", "=", "状态")], limit=1)
            self.assertTrue(kept)
            script.migrate(self.env.cr, "11.0.1.0.0")
            translations.invalidate_cache()
            self.assertFalse(stale.exists(), module)
            self.assertTrue(kept.exists(), module)
