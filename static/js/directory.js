// Updates the directory without a full reload: results and counts follow the filters.
// Without JavaScript the GET form does the same with a page load.
const form = document.getElementById("directory-form");
const results = document.getElementById("directory-results");

if (form && results && window.fetch && window.DOMParser) {
  const container = form.closest(".directory");
  let controller = null;

  const refresh = async (url, { push = true, moveFocus = false } = {}) => {
    controller?.abort();
    controller = new AbortController();
    container.classList.add("is-loading");
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: "text/html" } });
      if (!response.ok) throw new Error(String(response.status));
      const doc = new DOMParser().parseFromString(await response.text(), "text/html");
      const newResults = doc.getElementById("directory-results");
      const newForm = doc.getElementById("directory-form");
      if (!newResults || !newForm) throw new Error("unexpected page");
      const focusedId = document.activeElement?.id;
      results.replaceChildren(...newResults.childNodes);
      // Counts live in the form: replace each fieldset, then give focus back.
      form.querySelectorAll("fieldset.facet").forEach((fieldset) => {
        const fresh = newForm.querySelector(`fieldset.facet[data-facet="${fieldset.dataset.facet}"]`);
        if (fresh) fieldset.replaceWith(fresh);
      });
      if (push) history.pushState({}, "", url);
      const target = moveFocus ? document.getElementById("results-heading") : focusedId && document.getElementById(focusedId);
      target?.focus();
    } catch (error) {
      if (error.name !== "AbortError") window.location.assign(url);
    } finally {
      container.classList.remove("is-loading");
    }
  };

  const urlFor = () => {
    const params = new URLSearchParams(new FormData(form));
    for (const [key, value] of [...params]) if (value === "") params.delete(key);
    return `${form.action.split("?")[0]}?${params}`;
  };

  form.addEventListener("change", (event) => {
    if (event.target.matches("input[type=checkbox], input[type=radio], select")) refresh(urlFor());
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    refresh(urlFor(), { moveFocus: true });
  });
  results.addEventListener("click", (event) => {
    const link = event.target.closest(".chips a, .pagination a");
    if (!link) return;
    event.preventDefault();
    refresh(link.href, { moveFocus: true });
  });
  window.addEventListener("popstate", () => refresh(window.location.href, { push: false }));
}
