/** @odoo-module **/

import { waitUntil } from "@odoo/hoot-dom";
import { registry } from "@web/core/registry";

function assertInViewport(element, what) {
    const box = element.getBoundingClientRect();
    if (!box.width || box.left < 0 || box.right > window.innerWidth + 1) {
        throw new Error(`${what} is not on the screen (${box.left}-${box.right} of ${window.innerWidth})`);
    }
}

// One customer portal for requests (issue 14, R1): the project page leads to helpdesk_mgmt's
// request page, which shows the after-sales facts in the company's clock and no close button.
registry.category("web_tour.tours").add("aftersales_one_portal", {
    url: "/my",
    steps: () => [
        {
            content: "The 'New Repair Request' tile has its picture (no 404)",
            trigger: "a[href='/my/aftersales/requests/new'] img",
            async run(helpers) {
                const img = helpers.anchor;
                await waitUntil(() => img.complete && img.naturalWidth > 0, { timeout: 5000 });
            },
        },
        {
            trigger: "a[href='/my/aftersales']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "A project without a title keeps its warranty in the warranty column",
            trigger: "tr.o_aftersales_project_row:has(a:contains('TOUR-P2')) td:nth-child(3) .badge",
        },
        {
            trigger: "tr.o_aftersales_project_row a:contains('TOUR-P1')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The open request shows its status in the customer's words",
            trigger: ".o_aftersales_open_request .o_aftersales_portal_status:contains('Received')",
        },
        {
            content: "The request opens in the one request portal",
            trigger: ".o_aftersales_open_request a[href^='/my/ticket/']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_portal_helpdesk_sidebar .o_aftersales_ticket_project a:contains('TOUR-P1')",
        },
        {
            trigger: ".o_aftersales_ticket_serial:contains('TOUR-SN-1')",
        },
        {
            trigger: ".o_aftersales_ticket_status .o_aftersales_portal_status:contains('Received')",
        },
        {
            content: "The deadline in the company's clock, labelled as on its documents",
            trigger: ".o_aftersales_answer_deadline:contains('2026-03-02 10:00'):contains('Beijing Time')",
            run() {
                if (document.body.textContent.includes("Asia/Shanghai")) {
                    throw new Error("a raw time zone name is shown");
                }
                if (document.querySelector("form[action='/ticket/close']")) {
                    throw new Error("an after-sales request offers a close button");
                }
            },
        },
    ],
});

// R1, R23: the customer writes in the request's thread; the message stays on the request.
registry.category("web_tour.tours").add("aftersales_portal_thread", {
    url: "/my/tickets",
    steps: () => [
        {
            content: "The request list shows the project, the status and the next deadline",
            trigger: "tr:has(.o_aftersales_ticket_project:contains('TOUR-P1')) .o_aftersales_ticket_deadline:contains('Beijing Time')",
        },
        {
            trigger: "tr:has(.o_aftersales_ticket_project:contains('TOUR-P1')) a[href^='/my/ticket/']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: "#chatterRoot:shadow .o-mail-Composer-input",
            run: "edit The pump is still noisy after the restart.",
        },
        {
            trigger: "#chatterRoot:shadow .o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "The message is in the request's thread",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains('still noisy after the restart')",
        },
    ],
});

// The serial picker offers only the chosen project's serials.
registry.category("web_tour.tours").add("aftersales_portal_serial_picker", {
    url: "/my/aftersales/requests/new",
    steps: () => [
        {
            trigger: "select[name='project_id']",
            run: "selectByLabel TOUR-P2",
        },
        {
            trigger: "select[name='lot_id']:has(option:contains('TOUR-SN-2'))",
            run(helpers) {
                const labels = [...helpers.anchor.options].map((o) => o.textContent);
                if (labels.some((label) => label.includes("TOUR-SN-1"))) {
                    throw new Error(`serials of another project are offered: ${labels}`);
                }
            },
        },
        {
            trigger: "select[name='lot_id']",
            run: "selectByLabel TOUR-SN-2",
        },
        {
            content: "Another project: its serials only, the previous choice dropped",
            trigger: "select[name='project_id']",
            run: "selectByLabel TOUR-P1",
        },
        {
            trigger: "select[name='lot_id']:has(option:contains('TOUR-SN-1')):not(:has(option:contains('TOUR-SN-2')))",
            run(helpers) {
                if (helpers.anchor.value !== "") {
                    throw new Error(`a serial of another project stays selected: ${helpers.anchor.value}`);
                }
            },
        },
    ],
});

// On a phone, the request tables keep the status and the deadline on the screen.
registry.category("web_tour.tours").add("aftersales_portal_phone", {
    url: "/my/tickets",
    steps: () => [
        {
            trigger: "tr:has(a:contains('Pump A noisy')) .o_aftersales_ticket_status .o_aftersales_portal_status",
            run(helpers) {
                assertInViewport(helpers.anchor, "the status");
                const row = helpers.anchor.closest("tr");
                assertInViewport(row.querySelector(".o_aftersales_deadline_value"), "the deadline");
            },
        },
        {
            trigger: "body",
            run: "goToUrl /my/aftersales",
            expectUnloadPage: true,
        },
        {
            trigger: "tr.o_aftersales_project_row a:contains('TOUR-P1')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_aftersales_open_request .o_aftersales_portal_status",
            run(helpers) {
                assertInViewport(helpers.anchor, "the status");
                const row = helpers.anchor.closest("tr");
                assertInViewport(row.querySelector(".o_aftersales_deadline_value"), "the deadline");
            },
        },
    ],
});
