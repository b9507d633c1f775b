using Fwk;
using Fwk.Accounts;
using Fwk.Db;

var app = FwkApplication.Create(args);
app.UseDatabase();
app.UseAccounts();
return await app.RunAsync();
