namespace Grastorp.Intake.Web.Staff;

/// <summary>
/// The GOV.UK error pattern for the staff filter forms, as the resident form does it: each message at its field
/// (<c>{field}-error</c>, after the hint in <c>aria-describedby</c>), the field marked <c>aria-invalid</c> and
/// with a bar, so an error is never told by colour alone.
/// </summary>
public static class StaffForm
{
    public static string ErrorId(string field) => $"{field}-error";

    public static string[] MessagesFor(IReadOnlyDictionary<string, string[]> errors, string field)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.TryGetValue(field, out var messages) ? messages : [];
    }

    public static string GroupClass(IReadOnlyDictionary<string, string[]> errors, string field) =>
        MessagesFor(errors, field).Length > 0 ? "form-group form-group-error" : "form-group";

    public static string? Invalid(IReadOnlyDictionary<string, string[]> errors, string field) =>
        MessagesFor(errors, field).Length > 0 ? "true" : null;

    public static string? InputClass(IReadOnlyDictionary<string, string[]> errors, string field) =>
        MessagesFor(errors, field).Length > 0 ? "input-error" : null;

    /// <summary>Hint first, then the error; null (no attribute) when there is neither.</summary>
    public static string? DescribedBy(IReadOnlyDictionary<string, string[]> errors, string field, string? hint = null)
    {
        var ids = new List<string>(2);
        if (hint is not null)
        {
            ids.Add(hint);
        }

        if (MessagesFor(errors, field).Length > 0)
        {
            ids.Add(ErrorId(field));
        }

        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}
