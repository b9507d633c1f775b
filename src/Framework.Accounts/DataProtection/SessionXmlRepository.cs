using System.Xml.Linq;
using Fwk.Db;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Accounts;

/// <summary>
/// Keeps ASP.NET Core data protection's keys in the default bind (<c>fwk_data_protection_keys</c>), each read and write on
/// a <see cref="Session"/> of its own scope, so the session cookie and anything else protected survive restarts and are
/// read by every instance. Data protection calls it when it loads its key ring (at first use, then about daily) and when
/// it makes a key (every 90 days). The keys are stored unencrypted: they are as secret as the database.
/// </summary>
internal sealed class SessionXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var xml = scope.ServiceProvider.GetRequiredService<Session>().Set<DataProtectionKey>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList();
        return [.. xml.OfType<string>().Select(element => XElement.Parse(element))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Session>();
        db.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
