using System.Diagnostics.CodeAnalysis;

namespace Dashboard.Core.PilotStatus;

/// <summary>The outcome of one Pilot Status call: a value, or a failure a person can act on. Never an exception for API failures.</summary>
public sealed class ApiResult<T>
{
    private ApiResult(T? value, ApiFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public ApiFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static ApiResult<T> Success(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static ApiResult<T> Fail(ApiFailure failure) => new(default, failure ?? throw new ArgumentNullException(nameof(failure)));

    public static implicit operator ApiResult<T>(ApiFailure failure) => Fail(failure);

    public ApiResult<TOut> Map<TOut>(Func<T, TOut> map) => Succeeded ? ApiResult<TOut>.Success(map(Value)) : ApiResult<TOut>.Fail(Failure);

    public TOut Match<TOut>(Func<T, TOut> success, Func<ApiFailure, TOut> failure) => Succeeded ? success(Value) : failure(Failure);

    public override string ToString() => Succeeded ? $"Success({typeof(T).Name})" : $"Failure({Failure.Kind})";
}

public static class ApiResult
{
    public static ApiResult<T> Success<T>(T value) => ApiResult<T>.Success(value);
}
