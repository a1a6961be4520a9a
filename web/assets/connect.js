// The app's websocket on the host and scheme the page came from (also behind a TLS proxy).
(function () {
  var terminal = document.getElementById("terminal");
  var scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  terminal.dataset.sessionWebsocketUrl = scheme + "//" + window.location.host + "/ws";
})();
