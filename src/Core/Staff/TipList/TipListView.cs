using Grastorp.Intake.Core.Tips.Store.Listing;
using Grastorp.Intake.Core.Staff.Access;

namespace Grastorp.Intake.Core.Staff.TipList;

/// <summary>One page of the tip list for a signed-in kommunpolis, with what the filter form offers.</summary>
public sealed record TipListView(StaffPrincipal Viewer, TipListQuery Query, TipPage Page);
