"""Window actions the Gendan modules share."""


def form_action(res_model, res_id):
    """The form of one record, opened in the main area: the "Open" button of
    every line that points at a document (copies, mail replies, contact
    log lines)."""
    return {"type": "ir.actions.act_window", "res_model": res_model,
            "res_id": res_id, "view_mode": "form",
            "views": [(False, "form")], "target": "current"}


# read() fields of a window action the web client does not use when a button
# returns it: the search view (a fields_view_get of about 8 queries; the client
# loads it with the action's views), the action's external id (a search of
# ir.model.data) and its groups (checked when the menu or action is loaded)
UNUSED_ACTION_FIELDS = ("search_view", "xml_id", "groups_id")


def window_action(env, xmlid):
    """The window action ``xmlid`` as a button returns it: what ``read()``
    gives the user, without ``UNUSED_ACTION_FIELDS``."""
    action = env.ref(xmlid)
    names = [name for name in action.check_field_access_rights("read", None)
             if name not in UNUSED_ACTION_FIELDS]
    return action.read(names)[0]
