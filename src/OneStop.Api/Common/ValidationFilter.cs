using FluentValidation;

namespace OneStop.Api.Common;

/// <summary>Runs the FluentValidation validator of the endpoint's <typeparamref name="T"/> argument: 400 with every wrong field.</summary>
public sealed class ValidationFilter<T> : IEndpointFilter where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var validator = context.HttpContext.RequestServices.GetService<IValidator<T>>();
        var argument = context.Arguments.OfType<T>().FirstOrDefault();
        if (validator is null || argument is null)
            return await next(context);
        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        if (result.IsValid)
            return await next(context);
        return TypedResults.ValidationProblem(
            result.ToDictionary(),
            title: "Dữ liệu gửi lên không hợp lệ",
            detail: string.Join(" ", result.Errors.Select(e => e.ErrorMessage)));
    }
}

public static class ValidationFilterExtensions
{
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
