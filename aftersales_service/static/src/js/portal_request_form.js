/** @odoo-module **/

import publicWidget from "@web/legacy/js/public/public_widget";

/**
 * The repair request form (R1) offers only the serials of the chosen project (issue 14):
 * the other projects' serials leave the picker, and a serial of another project is unselected
 * when the project changes. The server checks the pair again on submit.
 */
publicWidget.registry.AftersalesRequestForm = publicWidget.Widget.extend({
    selector: ".o_aftersales_request_form",
    events: {
        'change select[name="project_id"]': "_onProjectChange",
    },

    start() {
        const def = this._super(...arguments);
        this.projectSelect = this.el.querySelector('select[name="project_id"]');
        this.lotSelect = this.el.querySelector('select[name="lot_id"]');
        this.groups = [...this.lotSelect.querySelectorAll("optgroup")];
        this._showProjectSerials();
        return def;
    },

    _showProjectSerials() {
        const projectId = this.projectSelect.value;
        const selected = this.lotSelect.value;
        for (const group of this.groups) {
            group.remove();
        }
        const group = this.groups.find((g) => g.dataset.projectId === projectId);
        if (group) {
            this.lotSelect.append(group);
        }
        const stillThere = [...this.lotSelect.options].some((o) => o.value === selected);
        this.lotSelect.value = stillThere ? selected : "";
    },

    _onProjectChange() {
        this._showProjectSerials();
    },
});

export default publicWidget.registry.AftersalesRequestForm;
