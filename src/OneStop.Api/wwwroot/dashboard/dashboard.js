// OneStop dashboard: signs in on the page, reads /api/reports/indicators with the bearer token it gets back,
// and draws the figures with the vendored Chart.js. What each chart shows is kept in window.dashboard (and in
// each canvas's data-values), so a browser test can compare it with what the API returned.
"use strict";

const state = { token: null, roles: [], unitCode: null, charts: {} };
window.dashboard = { ready: false, indicators: null, series: null, charts: {} };

const $ = id => document.getElementById(id);
const pct = rate => rate && rate.value !== null ? Math.round(rate.value * 1000) / 10 : null;
const iso = date => date.toISOString().slice(0, 10);
const short = (text, max) => text.length > max ? `${text.slice(0, max - 1)}…` : text;

function setStatus(text, kind) {
  $("status").textContent = text;
  $("status").dataset.state = kind;
}

async function api(path) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${state.token}` } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(body.detail || `${response.status} ${response.statusText}`), { status: response.status });
  return body;
}

const noReceipts = { received: { counter: 0, online: 0, post: 0 } };

/** A month after the last day with data answers 404 ("no data"): on the chart it is simply empty. */
async function figuresOrNothing(path) {
  try {
    return (await api(path)).figures;
  } catch (error) {
    if (error.status === 404) return noReceipts;
    throw error;
  }
}

async function signIn(event) {
  event.preventDefault();
  $("sign-in-error").textContent = "";
  const response = await fetch("/api/auth/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: $("username").value, password: $("password").value }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    $("sign-in-error").textContent = body.detail || "Đăng nhập thất bại.";
    return;
  }
  if (!body.roles.includes("leader") && !body.roles.includes("admin")) {
    $("sign-in-error").textContent = "Bảng chỉ số dành cho lãnh đạo và quản trị viên.";
    return;
  }
  Object.assign(state, { token: body.accessToken, roles: body.roles, unitCode: body.unitCode });
  $("sign-in").hidden = true;
  $("report").hidden = false;
  $("who").hidden = false;
  $("who-name").textContent = `${$("username").value} (${body.roles.join(", ")}${body.unitCode ? ", đơn vị " + body.unitCode : ""})`;
  $("hangfire-link").hidden = !body.roles.includes("admin");
  await loadUnits();
  const today = new Date();
  $("to").value = iso(today);
  $("from").value = `${today.getFullYear()}-01-01`;
  await refresh();
}

async function signOut() {
  await fetch("/api/auth/session", { method: "DELETE" });
  location.reload();
}

/** The unit list: the caller's own unit and everything below it (admins: every unit, or the whole system). */
async function loadUnits() {
  const units = await (await fetch("/api/units")).json();
  const list = Array.isArray(units) ? units : units.items;
  const byParent = new Map();
  list.forEach(u => byParent.set(u.parentCode ?? "", [...(byParent.get(u.parentCode ?? "") ?? []), u]));
  const select = $("unit");
  select.innerHTML = "";
  if (state.roles.includes("admin")) select.add(new Option("Toàn hệ thống", ""));
  const add = (unit, depth) => {
    select.add(new Option(`${"  ".repeat(depth)}${unit.name} (${unit.code})`, unit.code));
    (byParent.get(unit.code) ?? []).forEach(child => add(child, depth + 1));
  };
  const roots = state.unitCode ? list.filter(u => u.code === state.unitCode) : (byParent.get("") ?? []);
  roots.forEach(root => add(root, 0));
  if (state.unitCode) select.value = state.unitCode;
}

function query(from, to) {
  const params = new URLSearchParams({ from, to, tree: $("tree").value });
  if ($("unit").value) params.set("unit", $("unit").value);
  return params.toString();
}

/** Periods of the chart "received over time": days for a month or less, else calendar months. */
function buckets(from, to) {
  const start = new Date(`${from}T00:00:00Z`), end = new Date(`${to}T00:00:00Z`);
  const days = (end - start) / 86400000 + 1;
  const result = [];
  if (days <= 31) {
    for (let d = new Date(start); d <= end; d.setUTCDate(d.getUTCDate() + 1)) result.push({ label: iso(d).slice(5), from: iso(d), to: iso(d) });
    return result;
  }
  for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1)); d <= end; d.setUTCMonth(d.getUTCMonth() + 1)) {
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
    result.push({ label: iso(d).slice(0, 7), from: iso(d < start ? start : d), to: iso(last > end ? end : last) });
  }
  return result;
}

async function refresh(event) {
  if (event) event.preventDefault();
  setStatus("Đang tải số liệu…", "loading");
  window.dashboard.ready = false;
  try {
    const from = $("from").value, to = $("to").value;
    const indicators = await api(`/api/reports/indicators?${query(from, to)}`);
    const periods = buckets(from, to);
    const series = [];
    for (const period of periods) {
      const figures = await figuresOrNothing(`/api/reports/indicators?${query(period.from, period.to)}`);
      series.push({ label: period.label, counter: figures.received.counter, online: figures.received.online, post: figures.received.post });
    }
    $("csv-link").href = `/api/reports/indicators.csv?${query(from, to)}`;
    render(indicators, series);
    Object.assign(window.dashboard, { indicators, series, ready: true });
    setStatus(`Số liệu ${indicators.unit ? indicators.unit.name : "toàn hệ thống"}, ${from} → ${to}.`, "ready");
  } catch (error) {
    setStatus(error.message, "error");
  }
}

function draw(id, config) {
  state.charts[id]?.destroy();
  config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
  const canvas = $(id);
  state.charts[id] = new Chart(canvas, config);
  const values = config.data.datasets.map(d => ({ label: d.label, data: d.data }));
  canvas.dataset.labels = JSON.stringify(config.data.labels);
  canvas.dataset.values = JSON.stringify(values);
  window.dashboard.charts[id] = { labels: config.data.labels, datasets: values };
}

function render(report, series) {
  const f = report.figures;
  $("tile-received").textContent = f.received.total;
  $("tile-ontime").textContent = pct(f.onTimeRate) === null ? "–" : `${pct(f.onTimeRate)}%`;
  $("tile-overdue").textContent = f.inProgress.overdue;
  $("tile-days").textContent = f.averageProcessingWorkingDays.value ?? "–";
  $("tile-satisfaction").textContent = f.satisfaction.average ?? "–";

  draw("chart-received", {
    type: "bar",
    data: {
      labels: series.map(s => s.label),
      datasets: [
        { label: "Trực tiếp", data: series.map(s => s.counter), backgroundColor: "#1d4ed8" },
        { label: "Trực tuyến", data: series.map(s => s.online), backgroundColor: "#15803d" },
        { label: "Bưu chính", data: series.map(s => s.post), backgroundColor: "#d97706" },
      ],
    },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
  });

  const units = report.units.filter(u => u.figures.resolved.total > 0);
  draw("chart-ontime", {
    type: "bar",
    data: {
      labels: units.map(u => u.unit.name),
      datasets: [{ label: "% đúng hạn", data: units.map(u => pct(u.figures.onTimeRate)), backgroundColor: "#15803d" }],
    },
    options: { indexAxis: "y", scales: { x: { min: 0, max: 100 } } },
  });

  const steps = report.overdueBySteps.slice(0, 10);
  draw("chart-steps", {
    type: "bar",
    data: {
      labels: steps.map(s => short(`${s.stepName || "(chưa rõ bước)"} · ${s.procedureName}`, 48)),
      datasets: [
        { label: "Quá hạn", data: steps.map(s => s.overdue), backgroundColor: "#b91c1c" },
        { label: "Trong hạn", data: steps.map(s => s.inProgress - s.overdue), backgroundColor: "#94a3b8" },
      ],
    },
    options: { indexAxis: "y", scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } },
  });

  draw("chart-digital", {
    type: "bar",
    data: {
      labels: ["Số hóa hồ sơ", "Tái sử dụng dữ liệu", "Kết quả điện tử", "Nộp trực tuyến"],
      datasets: [{ label: "%", data: [pct(f.digitizationRate), pct(f.reuseRate), pct(f.electronicResultRate), pct(f.onlineRate)],
        backgroundColor: ["#7e22ce", "#0891b2", "#15803d", "#1d4ed8"] }],
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { min: 0, max: 100 } } },
  });

  draw("chart-satisfaction", {
    type: "bar",
    data: {
      labels: ["1", "2", "3", "4", "5"],
      datasets: [{ label: "Lượt đánh giá", data: ["1", "2", "3", "4", "5"].map(k => f.satisfaction.scores[k]),
        backgroundColor: ["#b91c1c", "#f97316", "#eab308", "#84cc16", "#15803d"] }],
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
}

document.addEventListener("DOMContentLoaded", () => {
  $("sign-in").addEventListener("submit", signIn);
  $("filters").addEventListener("submit", refresh);
  $("sign-out").addEventListener("click", signOut);
});
