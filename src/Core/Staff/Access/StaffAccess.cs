namespace Grastorp.Intake.Core.Staff.Access;

/// <summary>The answer to "may this request enter this staff area": who it is, or why not.</summary>
public sealed record StaffAccess(StaffAccess.Verdict Result, StaffPrincipal? Principal, StaffRole Needed)
{
    public enum Verdict
    {
        Allowed,

        /// <summary>Nobody is signed in (or the header is not to be trusted): 401, or a redirect to sign-in for a page.</summary>
        SignInRequired,

        /// <summary>Signed in without the role: 403 and a page naming the role.</summary>
        Forbidden,
    }

    public bool Allowed => Result == Verdict.Allowed;
}
