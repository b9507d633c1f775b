using Fwk;
using Fwk.Accounts;
using Fwk.Db;
using Fwk.Jobs;

var app = FwkApplication.Create(args);

// ASP.NET Core's validation source generator registers this project's request models through this call.
app.Services.AddValidation();
app.UseDatabase();
app.UseJobs();                            // durable events and background jobs on the same PostgreSQL
app.UseAccounts();                        // /auth routes, access tokens; the signing key from FWK_AUTH_SIGNING_KEY
return await app.RunAsync();
