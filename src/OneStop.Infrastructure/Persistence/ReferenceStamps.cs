using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Domain.Units;

namespace OneStop.Infrastructure.Persistence;

/// <summary>
/// A stamp that changes, in the same transaction, with every change to a kind of reference data (the unit tree, the
/// calendar). Each node keeps what it built from that data next to the stamp it read, and reads just the stamps —
/// two tiny rows — before using it: an admin's change counts at once on every node, without every request reading
/// whole tables. A new random value, not a counter, so two changes at once can never leave the stamp a node has seen.
/// </summary>
public sealed class ReferenceStamp
{
    public const string Units = "units";
    public const string Calendar = "calendar";

    public string Name { get; set; } = "";
    public Guid Stamp { get; set; }
}

internal sealed class ReferenceStampConfiguration : IEntityTypeConfiguration<ReferenceStamp>
{
    public void Configure(EntityTypeBuilder<ReferenceStamp> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(32);
        // Both rows exist from the first migration on, so a change only ever updates its row.
        builder.HasData(
            new ReferenceStamp { Name = ReferenceStamp.Units, Stamp = new Guid("6f1d2c1e-0000-4000-8000-000000000001") },
            new ReferenceStamp { Name = ReferenceStamp.Calendar, Stamp = new Guid("6f1d2c1e-0000-4000-8000-000000000002") });
    }
}

/// <summary>Marks, among the changes about to be saved, the stamps of the reference data they touch.</summary>
internal static class ReferenceStampChanges
{
    public static void Stamp(DbContext db)
    {
        bool units = false, calendar = false;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            units |= entry.Entity is Unit;
            calendar |= entry.Entity is CalendarEntry;
        }
        if (units)
            Touch(db, ReferenceStamp.Units);
        if (calendar)
            Touch(db, ReferenceStamp.Calendar);
    }

    private static void Touch(DbContext db, string name)
    {
        var tracked = db.ChangeTracker.Entries<ReferenceStamp>().FirstOrDefault(e => e.Entity.Name == name);
        EntityEntry<ReferenceStamp> entry = tracked ?? db.Attach(new ReferenceStamp { Name = name });
        entry.Entity.Stamp = Guid.NewGuid();
        entry.Property(s => s.Stamp).IsModified = true;
    }
}
