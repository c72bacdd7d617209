import re

from odoo import api, models
from odoo.addons.mail.models.mail_template import mako_template_env

# Words some core translations put in place of Python keywords inside the
# ${...} of a mail template (Odoo 11's zh_CN mail and purchase), and
# typographic quotes in place of Python's (zh_CN mrp_repair).
_KEYWORDS = {"或": "or", "和": "and", "与": "and", "以及": "and", "不是": "not"}
_QUOTES = {"’": "'", "‘": "'", "“": '"', "”": '"'}
_EXPRESSION = re.compile(r"\$\{.*?\}", re.S)


def _compiles(text):
    try:
        mako_template_env.from_string(text)
    except Exception:  # noqa: B902 - any template error is a broken template
        return False
    return True


def _mended(text):
    def mend(match):
        code = match.group(0)
        for word, keyword in _KEYWORDS.items():
            code = re.sub(r"(?<=\s)%s(?=\s)" % word, keyword, code)
        for typographic, plain in _QUOTES.items():
            code = code.replace(typographic, plain)
        return code
    return _EXPRESSION.sub(mend, text)


class IrTranslation(models.Model):
    _inherit = "ir.translation"

    @api.model
    def load_module_terms(self, modules, langs):
        res = super().load_module_terms(modules, langs)
        self._gendan_inherit_mixin_terms(langs)
        self._gendan_mend_mail_templates()
        return res

    @api.model
    def _gendan_mend_mail_templates(self):
        """Translations of mail templates whose code no longer compiles are
        mended (keywords and quotes inside ${...}) or, failing that,
        dropped so the template falls back to its source: otherwise every
        notification to a user of that language is rendered empty
        ("Failed to load template" in the log)."""
        broken = self.search([
            ("name", "like", "mail.template,%"), ("value", "!=", False),
        ]).filtered(lambda t: not _compiles(t.value) and _compiles(t.src or ""))
        for translation in broken:
            value = _mended(translation.value)
            if _compiles(value):
                translation.value = value
            else:
                translation.unlink()
        return broken

    @api.model
    def _gendan_inherit_mixin_terms(self, langs):
        """A field a model inherits from a gendan mixin (any abstract gendan
        model) takes the mixin's translations where it has none: Odoo keeps
        one translation per field record, and the module that adds the model
        does not carry the labels of the mixin's fields (Sign-off, Deadline,
        Signatures...)."""
        fields = self.env["ir.model.fields"].sudo()
        for mixin in [name for name in self.env.registry if name.startswith("gendan.")
                      and self.env[name]._abstract]:
            heirs = self._gendan_heirs(mixin)
            own = fields.search([("model", "=", mixin)])
            inherited = fields.search([("model", "in", list(heirs)),
                                       ("name", "in", own.mapped("name"))])
            for lang in langs:
                self._gendan_copy_field_terms(own, inherited, lang)
                self._gendan_copy_selection_terms(mixin, heirs, own, lang)

    def _gendan_heirs(self, mixin):
        """The models that inherit ``mixin``, also through another abstract
        model (e.g. gendan.payment.exception inherits the sign-off mixin)."""
        heirs, todo = set(), [mixin]
        while todo:
            for child in self.env[todo.pop()]._inherit_children:
                if child not in heirs:
                    heirs.add(child)
                    todo.append(child)
        return heirs

    def _gendan_copy_field_terms(self, own, inherited, lang):
        terms = ("ir.model.fields,field_description", "ir.model.fields,help")
        domain = [("lang", "=", lang), ("type", "=", "model"), ("name", "in", terms)]
        source = {(t.res_id, t.name): t for t in self.search(
            domain + [("res_id", "in", own.ids), ("value", "!=", False)])}
        present = {(t.res_id, t.name) for t in self.search(
            domain + [("res_id", "in", inherited.ids)])}
        by_name = {field.name: field.id for field in own}
        for field in inherited:
            for term in terms:
                found = source.get((by_name[field.name], term))
                if found and (field.id, term) not in present:
                    found.copy({"res_id": field.id})

    def _gendan_copy_selection_terms(self, mixin, heirs, own, lang):
        for field in own.filtered(lambda f: f.ttype == "selection"):
            terms = self.search([("lang", "=", lang), ("type", "=", "selection"),
                                 ("name", "=", "%s,%s" % (mixin, field.name)),
                                 ("value", "!=", False)])
            for heir in heirs:
                name = "%s,%s" % (heir, field.name)
                present = set(self.search([
                    ("lang", "=", lang), ("type", "=", "selection"),
                    ("name", "=", name),
                ]).mapped("src"))
                for term in terms.filtered(lambda t: t.src not in present):
                    term.copy({"name": name})
