using FluentValidation;

namespace OneStop.Api.Common;

/// <summary>
/// Runs the FluentValidation validator of the endpoint's <typeparamref name="T"/> argument: 400 with every wrong field,
/// or 422 when the only fault is values longer than their columns (<see cref="StoredLengthRules"/>).
/// </summary>
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
        var title = "Dữ liệu gửi lên không hợp lệ";
        var detail = string.Join(" ", result.Errors.Select(e => e.ErrorMessage));
        // Only too-long values: the request is well formed but cannot be stored as it is (422). Anything else is malformed (400).
        if (result.Errors.All(e => e.ErrorCode == StoredLengthRules.TooLong))
            return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: title,
                extensions: new Dictionary<string, object?> { ["errors"] = result.ToDictionary() });
        return TypedResults.ValidationProblem(result.ToDictionary(), title: title, detail: detail);
    }
}

public static class ValidationFilterExtensions
{
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
}
