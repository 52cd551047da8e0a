/** @odoo-module **/

import { waitUntil } from "@odoo/hoot-dom";
import { registry } from "@web/core/registry";

// A 1x1 transparent PNG: the photo of the fault.
const PNG_BASE64 =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

function attachPhoto(input) {
    const bytes = Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], "leaking_pump.png", { type: "image/png" }));
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
}

// R1: the customer files a repair request with a photo from the portal home.
registry.category("web_tour.tours").add("aftersales_portal_request", {
    url: "/my",
    steps: () => [
        {
            content: "The 'New Repair Request' entry is visible before any request exists",
            trigger: "a[href='/my/aftersales/requests/new']:visible",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Choose the customer's project",
            trigger: "select[name='project_id']",
            run: "selectByLabel TOUR-P1",
        },
        {
            content: "Choose the pump's serial",
            trigger: "select[name='lot_id']",
            run: "selectByLabel TOUR-SN-1",
        },
        {
            trigger: "input[name='name']",
            run: "edit Dosing pump leaking",
        },
        {
            trigger: "select[name='severity']",
            run: "select major",
        },
        {
            trigger: "input[name='needs_onsite']",
            run: "check",
        },
        {
            trigger: "textarea[name='description']",
            run: "edit The dosing pump leaks at the seal since this morning.",
        },
        {
            content: "Attach a photo",
            trigger: "input[name='photos']",
            run(helpers) {
                attachPhoto(helpers.anchor);
            },
        },
        {
            trigger: ".o_aftersales_request_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request is confirmed",
            trigger: ".o_aftersales_request_received:contains('was received')",
        },
        {
            content: "The photo is on the request, in the one request portal",
            trigger: ".o_portal_helpdesk_sidebar .o_project_portal_attachments .oe_attachment_name:contains('leaking_pump.png')",
        },
        {
            content: "The answer deadline is shown",
            trigger: ".o_aftersales_answer_deadline",
        },
    ],
});

// The customer opens the request from the project page and sees its answer deadline.
registry.category("web_tour.tours").add("aftersales_portal_deadline", {
    url: "/my/aftersales",
    steps: () => [
        {
            trigger: "a:contains('TOUR-P1')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The open request shows its answer deadline in the company's clock",
            trigger: ".o_aftersales_open_request .o_aftersales_deadline_value:contains('10:00')",
        },
        {
            trigger: ".o_aftersales_open_request td:first-child a",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_aftersales_answer_deadline .o_aftersales_deadline_value:contains('10:00')",
        },
    ],
});

// R23, R44: the customer signs the service report, then rates the service.
registry.category("web_tour.tours").add("aftersales_portal_sign_rate", {
    url: "/my/aftersales",
    steps: () => [
        {
            trigger: "a:contains('TOUR-P1')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Open the service report to sign",
            trigger: ".o_aftersales_report_row a",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_aftersales_sign_button",
            run: "click",
        },
        {
            trigger: ".modal .o_web_sign_name_and_signature input:value(Tour Customer)",
        },
        {
            trigger: ".modal canvas.o_web_sign_signature",
            async run(helpers) {
                await waitUntil(() => {
                    const canvas = helpers.anchor;
                    const context = canvas.getContext("2d");
                    const imageData = context.getImageData(0, 0, canvas.width, canvas.height);
                    const pixels = new Uint32Array(imageData.data.buffer);
                    return pixels.some((pixel) => pixel !== 0);
                });
            },
        },
        {
            trigger: ".modal .o_portal_sign_submit:enabled",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The report is signed",
            trigger: ".o_aftersales_report_signed_message",
        },
        {
            trigger: ".o_aftersales_report_signature:contains('Tour Customer')",
        },
        {
            trigger: "input[name='rating'][value='4']",
            run: "click",
        },
        // R44: response speed, quality and attitude, each 1-5.
        {
            trigger: "input[name='rating_speed'][value='5']",
            run: "click",
        },
        {
            trigger: "input[name='rating_quality'][value='4']",
            run: "click",
        },
        {
            trigger: "input[name='rating_attitude'][value='3']",
            run: "click",
        },
        {
            trigger: "textarea[name='rating_comment']",
            run: "edit Quick and clean work.",
        },
        {
            trigger: ".o_aftersales_rate_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_aftersales_report_rating:contains('4/5')",
        },
        {
            trigger: ".o_aftersales_rating_aspects_done:contains('5/5')",
        },
    ],
});
