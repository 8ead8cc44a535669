/**
 * The demo UI's single page: a prompt box and a button, doing the job of the seed's Gradio UI.
 * Plain HTML and inline JS; the page talks only to the UI server, which calls the API.
 */
export const UI_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gini demo</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1f2328; }
  textarea { width: 100%; min-height: 5rem; font: inherit; padding: .5rem; box-sizing: border-box; }
  button { font: inherit; padding: .4rem 1.2rem; margin-top: .5rem; cursor: pointer; }
  .box { margin-top: 1rem; padding: .75rem 1rem; border-radius: 6px; white-space: pre-wrap; }
  #answer { background: #eef6ee; border: 1px solid #9c9; }
  #error { background: #fdeeee; border: 1px solid #d99; color: #a00; }
  small { color: #666; }
</style>
</head>
<body>
<h1>gini demo</h1>
<p>Ask the demo model something. Every request is traced through this UI (<code>gini-ui</code>) and the
API (<code>gini-api</code>). A prompt containing <q>fail</q> makes the API fail, to show errors.</p>
<form id="form">
  <label for="prompt">Prompt</label>
  <textarea id="prompt" name="prompt" placeholder="Write a haiku about tracing"></textarea>
  <button id="generate" type="submit">Generate</button>
  <span id="status" role="status"></span>
</form>
<div id="answer" class="box" hidden></div>
<div id="error" class="box" role="alert" hidden></div>
<p><small>Traces: <a href="http://localhost:16686">Jaeger</a> (Monitor tab for RED metrics).</small></p>
<script>
  const form = document.getElementById("form");
  const button = document.getElementById("generate");
  const status = document.getElementById("status");
  const answer = document.getElementById("answer");
  const error = document.getElementById("error");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const prompt = document.getElementById("prompt").value;
    button.disabled = true;
    status.textContent = "Generating…";
    answer.hidden = true;
    error.hidden = true;
    try {
      const res = await fetch("/api/generate", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ prompt }),
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(body.error || "HTTP " + res.status);
      answer.textContent = body.answer;
      answer.hidden = false;
      status.textContent = "";
    } catch (err) {
      error.textContent = "Error: " + err.message;
      error.hidden = false;
      status.textContent = "";
    } finally {
      button.disabled = false;
    }
  });
</script>
</body>
</html>
`;
