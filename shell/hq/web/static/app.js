// "Load more" without leaving the page: fetch the next rows as HTML and
// append them. Without JavaScript the link still opens the next page.
document.addEventListener("click", async (ev) => {
  const a = ev.target.closest("#load-more");
  if (!a) return;
  ev.preventDefault();
  a.setAttribute("aria-busy", "true");
  const resp = await fetch(a.dataset.rows, { credentials: "same-origin" });
  if (!resp.ok) { window.location = a.href; return; }
  const body = document.getElementById("lead-rows");
  const before = body.rows.length;
  body.insertAdjacentHTML("beforeend", await resp.text());
  const shown = document.getElementById("shown");
  if (shown) shown.textContent = body.rows.length;
  const more = resp.headers.get("X-More-Href");
  if (more) {
    a.href = more;
    a.dataset.rows = more.replace("/leads?", "/leads/rows?");
    a.removeAttribute("aria-busy");
  } else {
    a.remove();
  }
  const first = body.rows[before] && body.rows[before].querySelector("a");
  if (first) first.focus();
});
