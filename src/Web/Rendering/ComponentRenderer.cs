using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Grastorp.Intake.Web.Rendering;

/// <summary>
/// Renders a Razor component to an HTML string outside Blazor: pages and the digest e-mail come from one component
/// set, and every value is HTML-encoded unless a component says otherwise with <see cref="MarkupString"/>.
/// </summary>
public sealed class ComponentRenderer(HtmlRenderer renderer)
{
    public Task<string> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters)
        where TComponent : IComponent =>
        // HtmlRenderer throws when called off its dispatcher; awaiting inside it also waits for async OnInitialized.
        renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters.ToDictionary())).ConfigureAwait(false);
            return output.ToHtmlString();
        });
}
