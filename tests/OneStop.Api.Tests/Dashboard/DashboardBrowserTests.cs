using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Api.Tests.Infrastructure;
using OneStop.Api.Tests.Reports;
using OneStop.Domain.Dossiers;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

using static OneStop.Api.Tests.Reports.HandMadeFacts;

namespace OneStop.Api.Tests.Dashboard;

/// <summary>
/// The dashboard in a real headless browser (Debian's chromium through chromium-driver, never a downloaded one) against
/// the real Kestrel host on a loopback port: a leader signs in on the page, picks a period, and every chart shows the
/// numbers the API returns; an admin signed in on the same page opens /hangfire with the page's session cookie, with no
/// proxy adding headers. The test leaves a screenshot in artifacts/screenshots/dashboard.png (the README shows a copy).
/// </summary>
public sealed class DashboardBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriverFolder = "/usr/bin";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_leader_sees_the_api_figures_as_charts_and_an_admin_opens_hangfire_with_the_pages_cookie()
    {
        var port = FreePort();
        using var factory = OneStopFactory.With(("Jwt:LifetimeMinutes", "10080"), ("NationalPortal:Enabled", "false"));
        factory.UseKestrel(port);
        factory.StartServer();
        var baseUrl = $"http://localhost:{port}";
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        await SeedAsync(factory, http);

        using var driver = StartBrowser();
        driver.Navigate().GoToUrl($"{baseUrl}/dashboard");
        SignIn(driver, "lanhdao.tinh");
        WaitForReady(driver);
        SetPeriod(driver, "2026-01-01", "2026-03-04");
        WaitForReady(driver);

        var token = await TokenAsync(http, "lanhdao.tinh");
        var report = await GetJsonAsync(http, token, "/api/reports/indicators?from=2026-01-01&to=2026-03-04&tree=history&unit=60");
        var figures = report["figures"]!;

        // The tiles show the report's own numbers.
        Assert.Equal(figures.Int("received.total").ToString(System.Globalization.CultureInfo.InvariantCulture), driver.FindElement(By.Id("tile-received")).Text);
        Assert.Equal(figures.Int("inProgress.overdue").ToString(System.Globalization.CultureInfo.InvariantCulture), driver.FindElement(By.Id("tile-overdue")).Text);

        // Received by channel over time: one bar group per month, each the API's answer for that month.
        var received = Chart(driver, "chart-received");
        Assert.Equal(["2026-01", "2026-02", "2026-03"], received.Labels);
        string[] months = ["from=2026-01-01&to=2026-01-31", "from=2026-02-01&to=2026-02-28", "from=2026-03-01&to=2026-03-04"];
        for (var i = 0; i < months.Length; i++)
        {
            var month = (await GetJsonAsync(http, token, $"/api/reports/indicators?{months[i]}&tree=history&unit=60"))["figures"]!;
            Assert.Equal([month.Int("received.counter"), month.Int("received.online"), month.Int("received.post")],
                received.Datasets.Select(d => (int)d[i]!.Value));
        }
        Assert.True(received.Datasets.Sum(d => d.Sum(v => v ?? 0)) > 0, "the seeded months must show receipts");

        // On-time rate per unit: the units that resolved anything, as percentages of the API's rates.
        var onTime = Chart(driver, "chart-ontime");
        var resolvingUnits = report["units"]!.AsArray().Where(u => u!["figures"].Int("resolved.total") > 0).ToList();
        Assert.Equal(resolvingUnits.Select(u => u!["unit"].Str("name")), onTime.Labels);
        Assert.Equal(resolvingUnits.Select(u => Math.Round(u!["figures"].Number("onTimeRate.value")!.Value * 1000) / 10), onTime.Datasets[0].Select(v => v!.Value));

        // Overdue work by step, digitization and reuse, satisfaction.
        var steps = Chart(driver, "chart-steps");
        var overdueBySteps = report["overdueBySteps"]!.AsArray();
        Assert.Equal(overdueBySteps.Select(s => (double)s.Int("overdue")), steps.Datasets[0].Select(v => v!.Value));
        Assert.True(steps.Datasets[0].Sum(v => v ?? 0) >= 3, "the three open dossiers at tham-tra are overdue");
        var digital = Chart(driver, "chart-digital");
        double?[] rates = [Percent(figures, "digitizationRate"), Percent(figures, "reuseRate"), Percent(figures, "electronicResultRate"), Percent(figures, "onlineRate")];
        Assert.Equal(rates, digital.Datasets[0]);
        var satisfaction = Chart(driver, "chart-satisfaction");
        Assert.Equal(new[] { "1", "2", "3", "4", "5" }.Select(k => (double?)figures.Int($"satisfaction.scores.{k}")), satisfaction.Datasets[0]);

        SaveScreenshot(driver);

        // An admin signed in on the same page opens the Hangfire dashboard: the browser sends only the page's cookie.
        driver.FindElement(By.Id("sign-out")).Click();
        WaitUntil(driver, d => d.FindElement(By.Id("sign-in")).Displayed, "the sign-in form after signing out");
        SignIn(driver, "admin");
        WaitForReady(driver);
        Assert.True(driver.FindElement(By.Id("hangfire-link")).Displayed);
        driver.FindElement(By.Id("hangfire-link")).Click();
        WaitUntil(driver, d => d.Title.Contains("OneStop — tác vụ nền", StringComparison.Ordinal), "the Hangfire dashboard");
        driver.Navigate().GoToUrl($"{baseUrl}/hangfire/recurring");
        WaitUntil(driver, d => d.PageSource.Contains("indicator-daily-snapshot", StringComparison.Ordinal), "the recurring jobs page");
    }

    /// <summary>
    /// January and February as hand-made facts at four units (with ratings), and four real dossiers received at the
    /// commune on Mon 02/03/2026: one resolved, three left at thẩm tra and overdue by Wed 04/03 10:00.
    /// </summary>
    private static async Task SeedAsync(OneStopFactory factory, HttpClient http)
    {
        await factory.AddFactsAsync([
            .. 14.Times(() => Received("22918", Vn(2026, 1, 12))).Select((f, i) => i < 11 ? f.ResolvedAt(Vn(2026, 1, 13), late: i < 2, minutes: 300) : f),
            .. 9.Times(() => Received("22918", Vn(2026, 1, 14), Channel.Online, electronic: true, reused: true)).Select(f => f.ResolvedAt(Vn(2026, 1, 15), minutes: 200)),
            .. 12.Times(() => Received("22915", Vn(2026, 2, 9))).Select((f, i) => f.ResolvedAt(Vn(2026, 2, 12), late: i < 5, minutes: 900)),
            .. 6.Times(() => Received("22915", Vn(2026, 2, 10), Channel.Post, electronic: true)).Select(f => f.ResolvedAt(Vn(2026, 2, 11), minutes: 450)),
            .. 10.Times(() => Received("593", Vn(2026, 2, 16), procedure: ReportClient.HouseholdBusiness)).Select((f, i) => f.ResolvedAt(Vn(2026, 2, 19), late: i < 1, minutes: 1200)),
            .. 7.Times(() => Received("60", Vn(2026, 2, 23), Channel.Online, procedure: "xay-dung.cap-giay-phep-xay-dung-moi", electronic: true)),
        ]);
        foreach (var (unit, score) in new[] { ("22918", 5), ("22918", 5), ("22918", 4), ("22915", 3), ("22915", 2), ("593", 5), ("593", 4), ("22918", 1) })
            await factory.AddRatingAsync(unit, score, Vn(2026, 2, 20));

        factory.SetVietnamTime(2026, 3, 2, 9, 0);
        var reception = await ClientAsync(http, "tiepnhan.xa");
        var codes = new List<string>();
        for (var i = 0; i < 4; i++)
            codes.Add(await reception.ReceivedAtCounterAsync(ReportClient.BirthRegistration, Demo.Commune, ["TKKS", "GCS"]));
        factory.SetVietnamTime(2026, 3, 2, 14, 0);
        await (await ClientAsync(http, "chuyenvien.xa")).ActAsync(codes[0], "forward");
        await (await ClientAsync(http, "lanhdao.xa")).ActAsync(codes[0], "approve");
        await reception.ActAsync(codes[0], "resolve", new { comment = "Đã ký" });
        factory.SetVietnamTime(2026, 3, 4, 10, 0);
    }

    private static double? Percent(JsonNode figures, string rate) =>
        figures[rate]!["value"] is { } value ? Math.Round(value.GetValue<double>() * 1000) / 10 : null;

    private sealed record ChartData(IReadOnlyList<string> Labels, IReadOnlyList<IReadOnlyList<double?>> Datasets);

    /// <summary>What the Chart.js chart on the canvas holds now, read from the chart object itself.</summary>
    private static ChartData Chart(ChromeDriver driver, string canvasId)
    {
        var json = (string)driver.ExecuteScript(
            "const c = Chart.getChart(arguments[0]); return JSON.stringify({ labels: c.data.labels, datasets: c.data.datasets.map(d => d.data) });",
            canvasId)!;
        var node = JsonNode.Parse(json)!;
        return new ChartData(
            node["labels"]!.AsArray().Select(l => l!.GetValue<string>()).ToList(),
            node["datasets"]!.AsArray().Select(d => (IReadOnlyList<double?>)d!.AsArray().Select(v => v?.GetValue<double>()).ToList()).ToList());
    }

    private static ChromeDriver StartBrowser()
    {
        var service = ChromeDriverService.CreateDefaultService(ChromeDriverFolder, "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--window-size=1400,1250", "--lang=vi-VN");
        return new ChromeDriver(service, options, Patience);
    }

    private static void SignIn(ChromeDriver driver, string userName)
    {
        WaitUntil(driver, d => d.FindElement(By.Id("username")).Displayed, "the sign-in form");
        driver.FindElement(By.Id("username")).Clear();
        driver.FindElement(By.Id("username")).SendKeys(userName);
        driver.FindElement(By.Id("password")).SendKeys(Demo.Password);
        driver.FindElement(By.CssSelector("#sign-in button[type=submit]")).Click();
    }

    /// <summary>Sets the period inputs (a date input takes its value through script reliably) and asks for the report.</summary>
    private static void SetPeriod(ChromeDriver driver, string from, string to)
    {
        driver.ExecuteScript("document.getElementById('from').value = arguments[0]; document.getElementById('to').value = arguments[1];", from, to);
        driver.ExecuteScript("document.getElementById('status').dataset.state = 'requested';");
        driver.FindElement(By.CssSelector("#filters button[type=submit]")).Click();
    }

    private static void WaitForReady(ChromeDriver driver) =>
        WaitUntil(driver, d =>
        {
            var state = d.FindElement(By.Id("status")).GetAttribute("data-state");
            Assert.False(state == "error", "the dashboard reported: " + d.FindElement(By.Id("status")).Text);
            return state == "ready";
        }, "the dashboard's figures");

    /// <summary>Polls until <paramref name="condition"/> holds; the bound only stops a hang, it never paces the test.</summary>
    private static void WaitUntil(ChromeDriver driver, Func<ChromeDriver, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                if (condition(driver))
                    return;
            }
            catch (NoSuchElementException) { }
            catch (StaleElementReferenceException) { }
            // An element found just before the page navigated (signing out reloads it): chromedriver reports it so, not
            // as stale. The next poll finds the new page's element.
            catch (UnknownErrorException e) when (e.Message.Contains("does not belong to the document", StringComparison.Ordinal)) { }
            Assert.True(DateTime.UtcNow < deadline, $"waited {Patience.TotalSeconds} s for {what}");
            Thread.Sleep(100);
        }
    }

    private static void SaveScreenshot(ChromeDriver driver)
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        driver.GetScreenshot().SaveAsFile(Path.Combine(folder, "dashboard.png"));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OneStop.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? AppContext.BaseDirectory;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> TokenAsync(HttpClient http, string userName)
    {
        var response = await http.PostAsJsonAsync("/api/auth/token", new { username = userName, password = Demo.Password });
        return (await response.ReadJsonAsync()).Str("accessToken");
    }

    private static async Task<HttpClient> ClientAsync(HttpClient http, string userName)
    {
        var client = new HttpClient { BaseAddress = http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, userName));
        return client;
    }

    private static async Task<JsonObject> GetJsonAsync(HttpClient http, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request);
        var json = JsonSerializer.Deserialize<JsonObject>(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {json}");
        return json;
    }
}
