from rest_framework import serializers

from sioc.organizations.models import Organization


class OrganizationSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    canton = serializers.CharField(source="canton.code", read_only=True, default=None)

    class Meta:
        model = Organization
        fields = [
            "slug",
            "name",
            "acronym",
            "kind",
            "kind_label",
            "country",
            "website",
            "iati_identifier",
            "description",
            "canton",
            "public_email",
            "is_active",
        ]
