// The operator's IANA time zone (e.g. "America/Sao_Paulo"), for BrowserTimeZone: the server cannot know it otherwise.
window.dashboardTimeZone = function () {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
};
