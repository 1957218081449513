global using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Grastorp.Intake.Browser.Tests.Chromium))]
