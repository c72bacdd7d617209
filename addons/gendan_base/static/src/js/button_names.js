odoo.define('gendan_base.button_names', function (require) {
"use strict";
/**
 * Header buttons of forms and row buttons of lists carry the name of the
 * method or action they run (name="action_confirm"), as Odoo 12 renders
 * them: a stable hook for the browser tests and for customisations,
 * whatever the language or label of the button.
 */
var FormRenderer = require('web.FormRenderer');
var ListRenderer = require('web.ListRenderer');

function named($button, node) {
    if (node.attrs.name) {
        $button.attr('name', node.attrs.name);
    }
    return $button;
}

FormRenderer.include({
    _renderHeaderButton: function (node) {
        return named(this._super.apply(this, arguments), node);
    },
});

ListRenderer.include({
    _renderButton: function (record, node) {
        return named(this._super.apply(this, arguments), node);
    },
});
});
