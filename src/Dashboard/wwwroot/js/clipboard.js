// Copies text for ClipboardService. The Clipboard API needs a secure context (HTTPS or localhost) and the page's
// permission; a dashboard reached over plain HTTP on an intranet has neither, so fall back to a selected textarea.
window.dashboardClipboard = {
    copy: async function (text) {
        if (navigator.clipboard && window.isSecureContext) {
            try {
                await navigator.clipboard.writeText(text);
                return;
            } catch {
                // Permission refused: try the old way below.
            }
        }

        const area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        const copied = document.execCommand("copy");
        area.remove();
        if (!copied) {
            throw new Error("The browser refused to copy.");
        }
    }
};
