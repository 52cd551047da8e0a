/** @odoo-module **/

import { registry } from "@web/core/registry";

// R42: the customer asks to move a planned visit from the project page.
registry.category("web_tour.tours").add("aftersales_visit_move", {
    steps: () => [
        {
            content: "The planned visit is listed",
            trigger: ".o_aftersales_visits tr.o_aftersales_visit_row",
        },
        {
            content: "The wanted date (a native date input: its value is set as the browser does)",
            trigger: ".o_aftersales_visit_move input[name='wanted_date']",
            run(helpers) {
                helpers.anchor.value = "2030-01-10";
            },
        },
        {
            trigger: ".o_aftersales_visit_move input[name='reason']",
            run: "edit Plant shutdown",
        },
        {
            trigger: ".o_aftersales_visit_move button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request is confirmed",
            trigger: ".o_aftersales_visit_moved",
        },
    ],
});
