"""Window actions the Gendan modules share."""


def form_action(res_model, res_id):
    """The form of one record, opened in the main area: the "Open" button of
    every line that points at a document (copies, mail replies, contact
    log lines)."""
    return {"type": "ir.actions.act_window", "res_model": res_model,
            "res_id": res_id, "view_mode": "form",
            "views": [(False, "form")], "target": "current"}


def window_action(env, xmlid):
    """The window action ``xmlid`` as a button returns it: what ``read()``
    gives the user, without core's ``search_view`` (a fields_view_get of
    about 8 queries the web client does not use: it loads the search view
    with the action's views)."""
    action = env.ref(xmlid)
    names = [name for name in action.check_field_access_rights("read", None)
             if name != "search_view"]
    return action.read(names)[0]
