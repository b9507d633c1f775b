using Fwk;
using Fwk.Db;
using Microsoft.EntityFrameworkCore;
using Sample.Users;

namespace Sample.Cars;

/// <summary>Cars of a user: <c>/users/{id}/cars</c>. Depends on the users app, whose model it references.</summary>
public sealed class CarsApp : IApp
{
    public IEnumerable<Type> DependsOn => [typeof(UsersApp)];

    public void Configure(AppBuilder app)
    {
        app.Models.Add<CarConfiguration>();
        var cars = app.Routes.MapGroup("/users/{id:int}/cars").WithTags("cars");
        cars.MapGet("", ListAsync);
        cars.MapPost("", CreateAsync);
    }

    private static async Task<SuccessResult<Page<Car>>> ListAsync(int id, ReadSession db, CancellationToken cancellationToken)
    {
        await db.FindOr404Async<User>(id, UsersApp.UserNotFound, cancellationToken);
        var cars = await db.Set<Car>().Where(c => c.UserId == id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return Respond.Success(new Page<Car>(cars.Count, cars));
    }

    private static async Task<CreatedResult<Car>> CreateAsync(int id, CarInput input, Session db, CancellationToken cancellationToken)
    {
        await db.FindOr404Async<User>(id, UsersApp.UserNotFound, cancellationToken);
        var car = new Car { Name = input.Name!, Model = input.Model!, Doors = input.Doors, Color = input.Color, UserId = id };
        db.Add(car);
        await db.SaveChangesAsync(cancellationToken);
        return Respond.Created(car, $"/users/{id}/cars/{car.Id}");
    }
}
