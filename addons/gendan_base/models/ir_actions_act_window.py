from odoo import api, models, tools

# read() fields of a window action the web client does not use when a button
# returns it: the search view (a fields_view_get of about 8 queries; the client
# loads it with the action's views), the action's external id (a search of
# ir.model.data) and its groups (checked when the menu or action is loaded)
UNUSED_ACTION_FIELDS = ("search_view", "xml_id", "groups_id")


class IrActionsActWindow(models.Model):
    """The window actions the buttons return, read once per user and
    language (core clears the cache when an action or a translation
    changes, ``ir.actions.act_window.view`` when its views do)."""

    _inherit = "ir.actions.act_window"

    @api.model
    @tools.ormcache("xmlid", "self.env.uid", "self.env.lang")
    def _gendan_button_values(self, xmlid):
        action = self.env.ref(xmlid)
        names = [name for name in action.check_field_access_rights("read", None)
                 if name not in UNUSED_ACTION_FIELDS]
        return action.read(names)[0]
