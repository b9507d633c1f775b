using Fwk;
using Fwk.Db;
using Fwk.Jobs;

var app = FwkApplication.Create(args);

// ASP.NET Core's validation source generator registers this project's request models through this call.
app.Services.AddValidation();
app.UseDatabase();
app.UseJobs();                            // durable events and background jobs on the same PostgreSQL
return await app.RunAsync();
