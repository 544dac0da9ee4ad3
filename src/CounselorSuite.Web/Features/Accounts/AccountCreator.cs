using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CounselorSuite.Web.Features.Accounts;

/// <param name="ReservedUserId">
/// Set when the login name was reserved in the sign-in directory ahead of time (a username given to an
/// email-less client at invitation): the account takes the id the reservation points to.
/// </param>
public sealed record NewAccount(Guid PracticeId, string LoginName, string? Email, string DisplayName, string Password, string Role, Guid? ReservedUserId = null);

public abstract record AccountCreation
{
    public sealed record Created(AppUser User) : AccountCreation;
    public sealed record NameTaken : AccountCreation;
    public sealed record Invalid(IReadOnlyList<IdentityError> Errors) : AccountCreation;
}

/// <summary>
/// Creates an account together with its entry in the sign-in directory, in the caller's transaction,
/// so an account never exists without its login name or the other way round.
/// </summary>
public sealed class AccountCreator(AppDbContext db, UserManager<AppUser> users, SignInDirectory directory, TimeProvider clock)
{
    public async Task<AccountCreation> CreateAsync(NewAccount account, CancellationToken ct)
    {
        var user = new AppUser
        {
            Id = account.ReservedUserId ?? Guid.CreateVersion7(clock.GetUtcNow()),
            PracticeId = account.PracticeId,
            UserName = account.LoginName.Trim(),
            Email = account.Email?.Trim(),
            EmailConfirmed = account.Email is not null,
            DisplayName = account.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };

        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, account.Password);
            if (!check.Succeeded)
            {
                return new AccountCreation.Invalid(check.Errors.ToList());
            }
        }

        if (!await ClaimLoginNameAsync(account, user.Id, ct))
        {
            return new AccountCreation.NameTaken();
        }

        var created = await users.CreateAsync(user, account.Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Creating a validated account failed: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        }
        var role = await users.AddToRoleAsync(user, account.Role);
        if (!role.Succeeded)
        {
            throw new InvalidOperationException("Adding a role failed: " + string.Join("; ", role.Errors.Select(e => e.Code)));
        }
        if (account.Role == Roles.Client)
        {
            db.ClientProfiles.Add(new ClientProfile { PracticeId = account.PracticeId, UserId = user.Id });
            await db.SaveChangesAsync(ct);
        }
        return new AccountCreation.Created(user);
    }

    /// <summary>
    /// Takes the login name for the new account: a name reserved for it (an invitation's) must still be held for it,
    /// any other must be free in the whole directory. False when the name is not the account's to take.
    /// </summary>
    private async Task<bool> ClaimLoginNameAsync(NewAccount account, Guid userId, CancellationToken ct)
    {
        var normalized = directory.Normalize(account.LoginName);
        if (account.ReservedUserId is { } reserved)
        {
            var holds = await db.LoginNames.AnyAsync(
                l => l.NormalizedName == normalized && l.PracticeId == account.PracticeId && l.UserId == reserved, ct);
            if (!holds || await db.Users.AnyAsync(u => u.Id == reserved, ct))
            {
                return false;
            }
        }
        else
        {
            if (await directory.IsTakenAsync(account.LoginName, ct))
            {
                return false;
            }

            db.LoginNames.Add(new LoginName { NormalizedName = normalized, PracticeId = account.PracticeId, UserId = userId });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return false;
            }
        }
        return true;
    }
}
